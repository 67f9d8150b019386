/**
 * The transactional outbox (issue #15): events a store writes in the same write as the change they
 * report, the tenants' webhook subscriptions, and one delivery per event and matching subscription.
 * A store fans an event out to the subscriptions enabled at the moment it is written, in that same
 * write, so an acknowledged change always has its deliveries, also after a crash.
 */

export const OUTBOX_EVENT_TYPES = [
  'submission.created',
  'submission.submitted',
  'submission.status-changed',
  'submission.approved',
  'submission.migrated',
  'submission.document-ready',
  'submission.deleted',
  'deadline.due',
] as const;

export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

/** One event. Its `id` is the Standard Webhooks `webhook-id`: the same on every retry, so receivers drop duplicates. */
export interface OutboxEvent {
  id: string;
  tenantId: string;
  type: OutboxEventType;
  /** Deliveries of one submission's events go out in the order the events were written. */
  submissionId?: string;
  /** ISO date-time. */
  at: string;
  /** Small and free of personal data: ids, form, version, revision, status, links relative to the API. */
  payload: Record<string, unknown>;
  /** A second event of the tenant with the same key is dropped (e.g. one `deadline.due` per deadline). */
  dedupeKey?: string;
}

/** A tenant's webhook endpoint. */
export interface WebhookSubscription {
  id: string;
  tenantId: string;
  url: string;
  /** Event types it receives; `*` for all. */
  events: Array<OutboxEventType | '*'>;
  /** Standard Webhooks secret (`whsec_<base64>`). */
  secret: string;
  /** The tenant's archive: retention deletes a submission only after its final document reached one. */
  archive: boolean;
  /** Deliver to loopback, link-local and private addresses (refused by default: SSRF). */
  allowPrivateNetwork?: boolean;
  enabled: boolean;
  /** Why it was disabled (e.g. the receiver answered 410 Gone). */
  disabledReason?: string;
  /** Kept in `SKEMA_CONFIG` (re-applied at start) or made through the admin API. */
  source: 'config' | 'api';
  createdAt: string;
  updatedAt: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event to one subscription. */
export interface Delivery {
  id: string;
  tenantId: string;
  eventId: string;
  eventType: OutboxEventType;
  submissionId?: string;
  subscriptionId: string;
  /** Copied from the subscription when the event was written. */
  archive: boolean;
  status: DeliveryStatus;
  attempts: number;
  /** When the next attempt is due (pending only). */
  nextAttemptAt: string;
  createdAt: string;
  lastAttemptAt?: string;
  lastStatusCode?: number;
  /** Why the last attempt failed (no response body, no personal data). */
  lastError?: string;
  deliveredAt?: string;
}

/** A delivery a dispatcher holds until `leaseUntil`, with what it needs to send it. */
export interface ClaimedDelivery {
  delivery: Delivery;
  event: OutboxEvent;
  subscription: WebhookSubscription;
  /** Only the holder of this token can record the outcome (a lease that ran out may be claimed again). */
  claimToken: string;
}

export interface DeliveryOutcome {
  status: DeliveryStatus;
  at: string;
  /** With `pending`: when to try again. */
  nextAttemptAt?: string;
  statusCode?: number;
  error?: string;
  /** Disable the subscription with this reason (410 Gone). */
  disableSubscription?: string;
}

/** One attempt's outcome for `completeDeliveries`. */
export interface DeliveryCompletion {
  id: string;
  claimToken: string;
  outcome: DeliveryOutcome;
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  submissionId?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The outbox side of a store. Events reach it through `NewSubmission.events`,
 * `SubmissionChange.events` and `delete(…, events)` (same write as the change), or through
 * `emitEvents` for events that report no stored change (`deadline.due`).
 */
export interface OutboxStore {
  /** Stores events (and their deliveries) on their own; an event whose `dedupeKey` the tenant already used is dropped. Returns those stored. */
  emitEvents(events: OutboxEvent[]): Promise<OutboxEvent[]>;
  /**
   * Claims up to `limit` pending deliveries due at `now`, none claimed by another dispatcher, and
   * none with an earlier undelivered event of the same submission for the same subscription.
   */
  claimDeliveries(now: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  /** Records an attempt's outcome; false when the claim was lost (the lease ran out and another took it). */
  completeDelivery(id: string, claimToken: string, outcome: DeliveryOutcome): Promise<boolean>;
  /**
   * Records several outcomes in one write (a dispatcher's batch); for each, in order, whether it was
   * recorded (false: that claim was lost).
   */
  completeDeliveries(completions: readonly DeliveryCompletion[]): Promise<boolean[]>;
  listDeliveries(tenantId: string, filter: DeliveryFilter): Promise<{ items: Delivery[]; nextCursor?: string }>;
  /** Makes a delivery pending and due now (a replay); undefined when the tenant has no such delivery. */
  retryDelivery(tenantId: string, id: string, now: string): Promise<Delivery | undefined>;
  /** Creates or replaces a subscription (by tenant and id). */
  saveSubscription(subscription: WebhookSubscription): Promise<WebhookSubscription>;
  listSubscriptions(tenantId: string): Promise<WebhookSubscription[]>;
  deleteSubscription(tenantId: string, id: string): Promise<boolean>;
  /** The highest revision whose `submission.document-ready` an archive subscription acknowledged (retention). */
  archivedRevision(tenantId: string, submissionId: string): Promise<number | undefined>;
}

export function isOutboxStore(store: object): store is OutboxStore {
  return (
    typeof (store as Partial<OutboxStore>).claimDeliveries === 'function' &&
    typeof (store as Partial<OutboxStore>).emitEvents === 'function'
  );
}

/** Does the subscription take this event type? */
export function subscribes(
  subscription: Pick<WebhookSubscription, 'events' | 'enabled'>,
  type: OutboxEventType,
): boolean {
  return subscription.enabled && (subscription.events.includes('*') || subscription.events.includes(type));
}

/** The deliveries of an event to the subscriptions that take it (the same in every store). */
export function deliveriesFor(
  event: OutboxEvent,
  subscriptions: readonly WebhookSubscription[],
  id: (subscriptionId: string) => string,
): Delivery[] {
  return subscriptions
    .filter((s) => s.tenantId === event.tenantId && subscribes(s, event.type))
    .map((s) => ({
      id: id(s.id),
      tenantId: event.tenantId,
      eventId: event.id,
      eventType: event.type,
      ...(event.submissionId !== undefined ? { submissionId: event.submissionId } : {}),
      subscriptionId: s.id,
      archive: s.archive,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: event.at,
      createdAt: event.at,
    }));
}

/** The revision a `submission.document-ready` event's payload names. */
export function documentRevisionOf(event: Pick<OutboxEvent, 'payload'>): number | undefined {
  const revision = event.payload.revision;
  return typeof revision === 'number' ? revision : undefined;
}

/** Delivery lists page by (event order, delivery id); the cursor is opaque to callers. */
export function encodeDeliveryCursor(seq: number, id: string): string {
  return `${seq}.${id}`;
}

export function decodeDeliveryCursor(cursor: string | undefined): [number, string] {
  if (cursor === undefined) return [0, ''];
  const match = /^(\d{1,15})\.([0-9a-f-]{1,64})$/.exec(cursor);
  if (!match) throw new RangeError('Invalid cursor');
  return [Number(match[1]), match[2]!];
}
