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

/** Stored events and subscriptions are frozen copies, so a claim can hand them out without copying again. */
function frozenCopy<T extends object>(value: T): Readonly<T> {
  const copy = clone(value);
  for (const inner of Object.values(copy)) if (inner !== null && typeof inner === 'object') deepFreeze(inner as object);
  return Object.freeze(copy);
}

function deepFreeze(value: object): void {
  for (const inner of Object.values(value))
    if (inner !== null && typeof inner === 'object') deepFreeze(inner as object);
  Object.freeze(value);
}

/** What compaction keeps of the outbox, in the order a replay restores it (see `OutboxState.compact`). */
export interface OutboxSnapshot {
  subscriptions: WebhookSubscription[];
  /** Dedupe keys of the tenants' events, also of events compacted away (one `deadline.due` per deadline, forever). */
  dedupeKeys: Array<{ tenantId: string; key: string }>;
  /** The highest document revision an archive acknowledged, per submission (retention asks). */
  archived: Array<{ tenantId: string; submissionId: string; revision: number }>;
  /** Events still needed, with their deliveries and place in the outbox. */
  events: Array<{ seq: number; event: OutboxEvent; deliveries: Delivery[] }>;
}

/**
 * The outbox held in memory by a single process: the in-memory store keeps only this, the embedded
 * store replays it from its outbox log at start. Plain data, no I/O; every method is synchronous,
 * so a caller that does not await in between sees each operation as atomic.
 */
export class OutboxState {
  private seq = 0;
  private readonly events = new Map<string, { event: Readonly<OutboxEvent>; seq: number }>();
  /** Dedupe keys by tenant (`key(tenantId, dedupeKey)`), with their parts for a snapshot. */
  private readonly dedupe = new Map<string, { tenantId: string; key: string }>();
  private readonly deliveries = new Map<string, HeldDelivery>();
  /** Pending deliveries only: what a claim scans. */
  private readonly pending = new Map<string, HeldDelivery>();
  private readonly subscriptions = new Map<string, Readonly<WebhookSubscription>>();
  /** Per tenant and submission: the highest revision whose document an archive acknowledged. Survives compaction. */
  private readonly archived = new Map<string, { tenantId: string; submissionId: string; revision: number }>();

  get size(): { events: number; deliveries: number; pending: number } {
    return { events: this.events.size, deliveries: this.deliveries.size, pending: this.pending.size };
  }

  hasEvent(id: string): boolean {
    return this.events.has(id);
  }

  /** Is this event's dedupe key taken already? */
  isDuplicate(event: OutboxEvent): boolean {
    return event.dedupeKey !== undefined && this.dedupe.has(key(event.tenantId, event.dedupeKey));
  }

  /** Stores events and fans each out to the subscriptions that take it now; returns what was added. */
  addEvents(
    events: readonly OutboxEvent[],
    deliveryId: (event: OutboxEvent, subscriptionId: string) => string,
  ): { events: OutboxEvent[]; deliveries: Delivery[] } {
    const added: OutboxEvent[] = [];
    const deliveries: Delivery[] = [];
    for (const event of events) {
      if (this.events.has(event.id) || this.isDuplicate(event)) continue;
      const fanned = this.fanOut(event, (sid) => deliveryId(event, sid));
      this.restoreEvent(event, fanned);
      added.push(event);
      deliveries.push(...fanned);
    }
    return { events: added, deliveries };
  }

  /** The deliveries of an event to the subscriptions that take it now (nothing stored). */
  fanOut(event: OutboxEvent, deliveryId: (subscriptionId: string) => string): Delivery[] {
    return deliveriesFor(event, [...this.subscriptions.values()], deliveryId);
  }

  /**
   * Puts back an event and its deliveries as they were written (replay); `seq` keeps the place it had
   * before a compaction. The deliveries are taken over, not copied: the caller must not change them.
   */
  restoreEvent(event: OutboxEvent, deliveries: readonly Delivery[], seq?: number): void {
    if (this.events.has(event.id)) return;
    const at = seq ?? ++this.seq;
    if (at > this.seq) this.seq = at;
    this.events.set(event.id, { event: frozenCopy(event), seq: at });
    if (event.dedupeKey !== undefined) this.restoreDedupeKey(event.tenantId, event.dedupeKey);
    for (const d of deliveries) this.restoreDelivery(d, at);
  }

  restoreDedupeKey(tenantId: string, dedupeKey: string): void {
    this.dedupe.set(key(tenantId, dedupeKey), { tenantId, key: dedupeKey });
  }

  restoreArchived(tenantId: string, submissionId: string, revision: number): void {
    const k = key(tenantId, submissionId);
    const known = this.archived.get(k);
    if (!known || known.revision < revision) this.archived.set(k, { tenantId, submissionId, revision });
  }

  /** Puts back a delivery's latest state (replay; taken over, not copied); `seq` defaults to its event's. */
  restoreDelivery(delivery: Delivery, seq = this.events.get(delivery.eventId)?.seq ?? ++this.seq): void {
    const held: HeldDelivery = { delivery, seq };
    this.deliveries.set(delivery.id, held);
    if (delivery.status === 'pending') this.pending.set(delivery.id, held);
    else this.pending.delete(delivery.id);
    if (
      delivery.status === 'delivered' &&
      delivery.archive &&
      delivery.eventType === 'submission.document-ready' &&
      delivery.submissionId !== undefined
    ) {
      const event = this.events.get(delivery.eventId)?.event;
      const revision = event ? documentRevisionOf(event) : undefined;
      if (revision !== undefined) this.restoreArchived(delivery.tenantId, delivery.submissionId, revision);
    }
  }

  /**
   * Drops events every delivery of which was delivered at or before `before` (and events without
   * deliveries written before it), with their deliveries; keeps everything pending or failed, every
   * dedupe key and what retention asks (`archivedRevision`). Returns how many events went.
   */
  compact(before: string): number {
    const cutoff = Date.parse(before);
    const byEvent = new Map<string, HeldDelivery[]>();
    for (const held of this.deliveries.values()) {
      const list = byEvent.get(held.delivery.eventId);
      if (list) list.push(held);
      else byEvent.set(held.delivery.eventId, [held]);
    }
    let dropped = 0;
    for (const [id, { event }] of this.events) {
      const deliveries = byEvent.get(id) ?? [];
      const done = deliveries.length
        ? deliveries.every(
            (h) =>
              h.delivery.status === 'delivered' &&
              Date.parse(h.delivery.deliveredAt ?? h.delivery.lastAttemptAt ?? event.at) <= cutoff,
          )
        : Date.parse(event.at) <= cutoff;
      if (!done) continue;
      this.events.delete(id);
      for (const h of deliveries) this.deliveries.delete(h.delivery.id);
      dropped++;
    }
    // Deliveries whose event is gone can never be claimed again.
    for (const [id, held] of this.deliveries) {
      if (this.events.has(held.delivery.eventId)) continue;
      this.deliveries.delete(id);
      this.pending.delete(id);
    }
    return dropped;
  }

  /**
   * Everything a replay needs to rebuild this state, as the held objects themselves (no copies: a
   * compaction serialises tens of thousands of them on the event loop). Read only: events and
   * subscriptions are frozen, and deliveries, dedupe keys and archived revisions are replaced on
   * change, never changed in place, so the snapshot stays as it was taken.
   */
  snapshot(): OutboxSnapshot {
    const byEvent = new Map<string, Delivery[]>();
    for (const { delivery } of this.deliveries.values()) {
      const list = byEvent.get(delivery.eventId);
      if (list) list.push(delivery);
      else byEvent.set(delivery.eventId, [delivery]);
    }
    return {
      subscriptions: [...this.subscriptions.values()],
      dedupeKeys: [...this.dedupe.values()],
      archived: [...this.archived.values()],
      events: [...this.events.values()]
        .sort((a, b) => a.seq - b.seq)
        .map(({ event, seq }) => ({ seq, event, deliveries: byEvent.get(event.id) ?? [] })),
    };
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
      // Event and subscription are frozen; the delivery is flat.
      claimed.push({ delivery: { ...d }, event, subscription, claimToken: held.claim.token });
    }
    return claimed;
  }

  /** Applies an attempt's outcome; undefined when the claim is not (or no longer) the caller's. */
  complete(
    id: string,
    claimToken: string,
    outcome: DeliveryOutcome,
  ): { delivery: Delivery; subscription?: WebhookSubscription } | undefined {
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
        subscription = {
          ...current,
          enabled: false,
          disabledReason: outcome.disableSubscription,
          updatedAt: outcome.at,
        };
        this.subscriptions.set(key(d.tenantId, d.subscriptionId), frozenCopy(subscription));
      }
    }
    return { delivery: { ...next }, ...(subscription ? { subscription: clone(subscription) } : {}) };
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
    return {
      items: page.map((h) => clone(h.delivery)),
      ...(matching.length > limit && last ? { nextCursor: encodeDeliveryCursor(last.seq, last.delivery.id) } : {}),
    };
  }

  retry(tenantId: string, id: string, now: string): Delivery | undefined {
    const held = this.deliveries.get(id);
    if (!held || held.delivery.tenantId !== tenantId) return undefined;
    const next: Delivery = { ...held.delivery, status: 'pending', nextAttemptAt: now };
    this.restoreDelivery(next, held.seq);
    return { ...next };
  }

  saveSubscription(subscription: WebhookSubscription): WebhookSubscription {
    this.subscriptions.set(key(subscription.tenantId, subscription.id), frozenCopy(subscription));
    return clone(subscription);
  }

  subscriptionsOf(tenantId: string): WebhookSubscription[] {
    return [...this.subscriptions.values()].filter((s) => s.tenantId === tenantId).map(clone);
  }

  deleteSubscription(tenantId: string, id: string): boolean {
    return this.subscriptions.delete(key(tenantId, id));
  }

  archivedRevision(tenantId: string, submissionId: string): number | undefined {
    return this.archived.get(key(tenantId, submissionId))?.revision;
  }

  eventOf(id: string): OutboxEvent | undefined {
    const found = this.events.get(id);
    return found ? clone(found.event) : undefined;
  }
}
