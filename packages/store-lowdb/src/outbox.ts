import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  OutboxState,
  deliveriesFor,
  type ClaimedDelivery,
  type Delivery,
  type DeliveryFilter,
  type DeliveryOutcome,
  type OutboxEvent,
  type WebhookSubscription,
} from '@skema/core';
import { OutboxLog } from './outbox-log.js';

export const OUTBOX_FILE = path.join('outbox', 'outbox.jsonl');

/** The lines of the outbox log; the last state of a delivery or subscription wins on replay. */
type OutboxLine =
  /** Events (with their deliveries) of one write; `a`: the write's audit id, absent for events that are their own write. */
  | { t: 'e'; a?: string; k?: 'write' | 'delete'; sid?: string; e: OutboxEvent[]; d: Delivery[] }
  /** The write with this audit id committed (`ok`) or did not (`x`). */
  | { t: 'ok' | 'x'; a: string }
  | { t: 'd'; d: Delivery }
  | { t: 's'; s: WebhookSubscription }
  | { t: 'sd'; tenantId: string; id: string };

/** A write's events, durable before the write commits, visible to dispatchers only after. */
export interface PreparedEvents {
  auditId: string;
  written: Promise<void>;
  events: OutboxEvent[];
  deliveries: Delivery[];
}

/** Did the write behind an unsettled event line commit? Asked at start for lines of the last moments before a crash. */
export type CommitCheck = (line: { auditId: string; kind: 'write' | 'delete'; submissionId: string }) => Promise<boolean>;

/** Delivery ids are derived from event and subscription, so a replayed fan-out gives the same ids. */
function deliveryId(event: OutboxEvent, subscriptionId: string): string {
  const h = createHash('sha256').update(`${event.id}\u0000${subscriptionId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The embedded store's outbox: an `OutboxState` in memory, replayed at start from `outbox/outbox.jsonl`.
 * A write's event line is appended (and fsynced) in parallel with the submission file's temp write,
 * and the rename that commits the write waits for it; so an acknowledged change always has its
 * events on disk. A line whose write then failed is marked `x`; one left unsettled by a crash is
 * settled at the next start by looking at the submission file (its journal names the audit id of
 * every committed write; a committed delete left no file).
 */
export class LowdbOutbox {
  private state = new OutboxState();
  private readonly log: OutboxLog;

  constructor(dataDir: string) {
    this.log = new OutboxLog(path.join(dataDir, OUTBOX_FILE));
  }

  get size(): OutboxState['size'] {
    return this.state.size;
  }

  async load(committed: CommitCheck): Promise<{ settled: number; dropped: number }> {
    const lines = (await this.log.load()) as OutboxLine[];
    const state = new OutboxState();
    const outcome = new Map<string, boolean>();
    for (const line of lines) if (line.t === 'ok' || line.t === 'x') outcome.set(line.a, line.t === 'ok');
    const settle: OutboxLine[] = [];
    let dropped = 0;
    for (const line of lines) {
      switch (line.t) {
        case 'e': {
          let ok = line.a === undefined ? true : outcome.get(line.a);
          if (ok === undefined && line.a !== undefined) {
            ok = await committed({ auditId: line.a, kind: line.k ?? 'write', submissionId: line.sid ?? line.e[0]?.submissionId ?? '' });
            outcome.set(line.a, ok);
            settle.push({ t: ok ? 'ok' : 'x', a: line.a });
          }
          if (ok) for (const e of line.e) state.restoreEvent(e, line.d.filter((d) => d.eventId === e.id));
          else dropped += line.e.length;
          break;
        }
        case 'd':
          state.restoreDelivery(line.d);
          break;
        case 's':
          state.saveSubscription(line.s);
          break;
        case 'sd':
          state.deleteSubscription(line.tenantId, line.id);
          break;
        default:
          break;
      }
    }
    this.state = state;
    if (settle.length) await this.log.append(settle, true);
    return { settled: settle.length, dropped };
  }

  /** Starts writing a write's events durably; the caller's commit waits for `written`. */
  prepare(auditId: string, kind: 'write' | 'delete', submissionId: string, events: readonly OutboxEvent[] | undefined): PreparedEvents | undefined {
    if (!events?.length) return undefined;
    const fresh = events.filter((e) => !this.state.isDuplicate(e));
    const deliveries = fresh.flatMap((e) => this.fanOut(e));
    const line: OutboxLine = { t: 'e', a: auditId, k: kind, sid: submissionId, e: fresh, d: deliveries };
    const written = this.log.append([line], true);
    written.catch(() => undefined);
    return { auditId, written, events: fresh, deliveries };
  }

  /** The write committed: its events become visible. The `ok` line need not be durable (start-up can tell). */
  committed(prepared: PreparedEvents | undefined): void {
    if (!prepared) return;
    for (const e of prepared.events) this.state.restoreEvent(e, prepared.deliveries.filter((d) => d.eventId === e.id));
    void this.log.append([{ t: 'ok', a: prepared.auditId }], false).catch(() => undefined);
  }

  /** The write did not commit: its events never happened. */
  aborted(prepared: PreparedEvents | undefined): void {
    if (prepared) void this.log.append([{ t: 'x', a: prepared.auditId }], false).catch(() => undefined);
  }

  async emit(events: readonly OutboxEvent[]): Promise<OutboxEvent[]> {
    const fresh = events.filter((e, i) => !this.state.isDuplicate(e) && events.findIndex((o) => o.dedupeKey !== undefined && o.dedupeKey === e.dedupeKey && o.tenantId === e.tenantId) <= i);
    if (!fresh.length) return [];
    const deliveries = fresh.flatMap((e) => this.fanOut(e));
    await this.log.append([{ t: 'e', e: fresh, d: deliveries }], true);
    for (const e of fresh) this.state.restoreEvent(e, deliveries.filter((d) => d.eventId === e.id));
    return fresh;
  }

  claim(now: string, limit: number, leaseMs: number): ClaimedDelivery[] {
    return this.state.claim(now, limit, leaseMs, randomUUID);
  }

  async complete(id: string, token: string, outcome: DeliveryOutcome): Promise<boolean> {
    const done = this.state.complete(id, token, outcome);
    if (!done) return false;
    const lines: OutboxLine[] = [{ t: 'd', d: done.delivery }];
    if (done.subscription) lines.push({ t: 's', s: done.subscription });
    // A lost "delivered" only repeats a delivery (at least once); a disabled subscription must stay so.
    await this.log.append(lines, done.subscription !== undefined);
    return true;
  }

  list(tenantId: string, filter: DeliveryFilter): { items: Delivery[]; nextCursor?: string } {
    return this.state.list(tenantId, filter);
  }

  async retry(tenantId: string, id: string, now: string): Promise<Delivery | undefined> {
    const delivery = this.state.retry(tenantId, id, now);
    if (delivery) await this.log.append([{ t: 'd', d: delivery }], true);
    return delivery;
  }

  async saveSubscription(subscription: WebhookSubscription): Promise<WebhookSubscription> {
    await this.log.append([{ t: 's', s: subscription }], true);
    return this.state.saveSubscription(subscription);
  }

  subscriptions(tenantId: string): WebhookSubscription[] {
    return this.state.subscriptionsOf(tenantId);
  }

  async deleteSubscription(tenantId: string, id: string): Promise<boolean> {
    if (!this.state.subscriptionsOf(tenantId).some((s) => s.id === id)) return false;
    await this.log.append([{ t: 'sd', tenantId, id }], true);
    return this.state.deleteSubscription(tenantId, id);
  }

  archivedRevision(tenantId: string, submissionId: string): number | undefined {
    return this.state.archivedRevision(tenantId, submissionId);
  }

  close(): Promise<void> {
    return this.log.close();
  }

  private fanOut(event: OutboxEvent): Delivery[] {
    return deliveriesFor(event, this.state.subscriptionsOf(event.tenantId), (sid) => deliveryId(event, sid));
  }
}
