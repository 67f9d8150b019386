import {
  decodeDeliveryCursor,
  deliveriesFor,
  encodeDeliveryCursor,
  documentRevisionOf,
  type ClaimedDelivery,
  type Delivery,
  type DeliveryFilter,
  type DeliveryOutcome,
  type OutboxEvent,
  type WebhookSubscription,
} from './outbox.js';

interface HeldDelivery {
  delivery: Delivery;
  /** The event's place in the outbox: deliveries of one submission go out in this order. */
  seq: number;
  claim?: { token: string; untilMs: number };
}

const key = (tenantId: string, id: string): string => `${tenantId}\u0000${id}`;
const clone = <T>(value: T): T => structuredClone(value);

/**
 * The outbox held in memory by a single process: the in-memory store keeps only this, the embedded
 * store replays it from its outbox log at start. Plain data, no I/O; every method is synchronous,
 * so a caller that does not await in between sees each operation as atomic.
 */
export class OutboxState {
  private seq = 0;
  private readonly events = new Map<string, { event: OutboxEvent; seq: number }>();
  private readonly dedupe = new Set<string>();
  private readonly deliveries = new Map<string, HeldDelivery>();
  /** Pending deliveries only: what a claim scans. */
  private readonly pending = new Map<string, HeldDelivery>();
  private readonly subscriptions = new Map<string, WebhookSubscription>();

  get size(): { events: number; deliveries: number; pending: number } {
    return { events: this.events.size, deliveries: this.deliveries.size, pending: this.pending.size };
  }

  /** Is this event's dedupe key taken already? */
  isDuplicate(event: OutboxEvent): boolean {
    return event.dedupeKey !== undefined && this.dedupe.has(key(event.tenantId, event.dedupeKey));
  }

  /** Stores events and fans each out to the subscriptions that take it now; returns what was added. */
  addEvents(events: readonly OutboxEvent[], deliveryId: (event: OutboxEvent, subscriptionId: string) => string): { events: OutboxEvent[]; deliveries: Delivery[] } {
    const added: OutboxEvent[] = [];
    const deliveries: Delivery[] = [];
    for (const event of events) {
      if (this.events.has(event.id) || this.isDuplicate(event)) continue;
      const fanned = deliveriesFor(event, [...this.subscriptions.values()], (sid) => deliveryId(event, sid));
      this.restoreEvent(event, fanned);
      added.push(event);
      deliveries.push(...fanned);
    }
    return { events: added, deliveries };
  }

  /** Puts back an event and its deliveries as they were written (replay). */
  restoreEvent(event: OutboxEvent, deliveries: readonly Delivery[]): void {
    const seq = ++this.seq;
    this.events.set(event.id, { event: clone(event), seq });
    if (event.dedupeKey !== undefined) this.dedupe.add(key(event.tenantId, event.dedupeKey));
    for (const d of deliveries) this.restoreDelivery(d, seq);
  }

  /** Puts back a delivery's latest state (replay); `seq` defaults to its event's. */
  restoreDelivery(delivery: Delivery, seq = this.events.get(delivery.eventId)?.seq ?? ++this.seq): void {
    const held: HeldDelivery = { delivery: clone(delivery), seq };
    this.deliveries.set(delivery.id, held);
    if (delivery.status === 'pending') this.pending.set(delivery.id, held);
    else this.pending.delete(delivery.id);
  }

  claim(now: string, limit: number, leaseMs: number, token: () => string): ClaimedDelivery[] {
    const nowMs = Date.parse(now);
    // The first pending delivery per subscription and submission is the only one that may go out.
    const first = new Map<string, HeldDelivery>();
    const free: HeldDelivery[] = [];
    for (const held of this.pending.values()) {
      const d = held.delivery;
      if (d.submissionId === undefined) {
        free.push(held);
        continue;
      }
      const k = key(d.subscriptionId, d.submissionId);
      const other = first.get(k);
      if (!other || held.seq < other.seq) first.set(k, held);
    }
    const candidates = [...free, ...first.values()].sort((a, b) => a.seq - b.seq);
    const claimed: ClaimedDelivery[] = [];
    for (const held of candidates) {
      if (claimed.length >= limit) break;
      const d = held.delivery;
      if (held.claim && held.claim.untilMs > nowMs) continue;
      if (d.attempts > 0 && Date.parse(d.nextAttemptAt) > nowMs) continue;
      const subscription = this.subscriptions.get(key(d.tenantId, d.subscriptionId));
      const event = this.events.get(d.eventId)?.event;
      // A deleted or disabled subscription (410 Gone) gets nothing more.
      if (!subscription?.enabled || !event) continue;
      held.claim = { token: token(), untilMs: nowMs + leaseMs };
      claimed.push({ delivery: clone(d), event: clone(event), subscription: clone(subscription), claimToken: held.claim.token });
    }
    return claimed;
  }

  /** Applies an attempt's outcome; undefined when the claim is not (or no longer) the caller's. */
  complete(id: string, claimToken: string, outcome: DeliveryOutcome): { delivery: Delivery; subscription?: WebhookSubscription } | undefined {
    const held = this.deliveries.get(id);
    if (!held || held.claim?.token !== claimToken) return undefined;
    const d = held.delivery;
    const next: Delivery = {
      ...d,
      status: outcome.status,
      attempts: d.attempts + 1,
      lastAttemptAt: outcome.at,
      nextAttemptAt: outcome.nextAttemptAt ?? d.nextAttemptAt,
      ...(outcome.statusCode !== undefined ? { lastStatusCode: outcome.statusCode } : {}),
      ...(outcome.status === 'delivered' ? { deliveredAt: outcome.at } : {}),
    };
    if (outcome.error !== undefined) next.lastError = outcome.error;
    else delete next.lastError;
    this.restoreDelivery(next, held.seq);
    let subscription: WebhookSubscription | undefined;
    if (outcome.disableSubscription) {
      const current = this.subscriptions.get(key(d.tenantId, d.subscriptionId));
      if (current) {
        subscription = { ...current, enabled: false, disabledReason: outcome.disableSubscription, updatedAt: outcome.at };
        this.subscriptions.set(key(d.tenantId, d.subscriptionId), subscription);
      }
    }
    return { delivery: clone(next), ...(subscription ? { subscription: clone(subscription) } : {}) };
  }

  list(tenantId: string, filter: DeliveryFilter): { items: Delivery[]; nextCursor?: string } {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 100);
    const [seq, id] = decodeDeliveryCursor(filter.cursor);
    const matching = [...this.deliveries.values()]
      .filter(
        (h) =>
          h.delivery.tenantId === tenantId &&
          (filter.status === undefined || h.delivery.status === filter.status) &&
          (filter.submissionId === undefined || h.delivery.submissionId === filter.submissionId) &&
          (h.seq > seq || (h.seq === seq && h.delivery.id > id)),
      )
      .sort((a, b) => a.seq - b.seq || (a.delivery.id < b.delivery.id ? -1 : 1));
    const page = matching.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((h) => clone(h.delivery)), ...(matching.length > limit && last ? { nextCursor: encodeDeliveryCursor(last.seq, last.delivery.id) } : {}) };
  }

  retry(tenantId: string, id: string, now: string): Delivery | undefined {
    const held = this.deliveries.get(id);
    if (!held || held.delivery.tenantId !== tenantId) return undefined;
    const next: Delivery = { ...held.delivery, status: 'pending', nextAttemptAt: now };
    this.restoreDelivery(next, held.seq);
    return clone(next);
  }

  saveSubscription(subscription: WebhookSubscription): WebhookSubscription {
    this.subscriptions.set(key(subscription.tenantId, subscription.id), clone(subscription));
    return clone(subscription);
  }

  subscriptionsOf(tenantId: string): WebhookSubscription[] {
    return [...this.subscriptions.values()].filter((s) => s.tenantId === tenantId).map(clone);
  }

  deleteSubscription(tenantId: string, id: string): boolean {
    return this.subscriptions.delete(key(tenantId, id));
  }

  archivedRevision(tenantId: string, submissionId: string): number | undefined {
    let best: number | undefined;
    for (const { delivery: d } of this.deliveries.values()) {
      if (d.tenantId !== tenantId || d.submissionId !== submissionId || !d.archive || d.status !== 'delivered' || d.eventType !== 'submission.document-ready') continue;
      const event = this.events.get(d.eventId)?.event;
      const revision = event ? documentRevisionOf(event) : undefined;
      if (revision !== undefined && (best === undefined || revision > best)) best = revision;
    }
    return best;
  }

  eventOf(id: string): OutboxEvent | undefined {
    const found = this.events.get(id);
    return found ? clone(found.event) : undefined;
  }
}
