import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  OutboxState,
  type ClaimedDelivery,
  type Delivery,
  type DeliveryCompletion,
  type DeliveryFilter,
  type DeliveryOutcome,
  type OutboxEvent,
  type WebhookSubscription,
} from '@skema/core';
import { OutboxLog } from './outbox-log.js';
import { snapshotLines, type OutboxCompactionOptions } from './outbox-compaction.js';

export const OUTBOX_FILE = path.join('outbox', 'outbox.jsonl');

/** The lines of the outbox log; the last state of a delivery or subscription wins on replay. */
export type OutboxLine =
  /**
   * Events (with their deliveries) of one write; `a`: the write's audit id, absent for events that are
   * their own write; `q`: the event's place kept through a compaction (one event per such line).
   */
  | { t: 'e'; a?: string; k?: 'write' | 'delete'; sid?: string; q?: number; e: OutboxEvent[]; d: Delivery[] }
  /** A dedupe key of an event compacted away. */
  | { t: 'k'; tenantId: string; k: string }
  /** The highest document revision an archive acknowledged for a submission (kept through compaction). */
  | { t: 'ar'; tenantId: string; sid: string; r: number }
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
  /** Its line's key among the unsettled ones. */
  unsettled: number;
}

/** Did the write behind an unsettled event line commit? Asked at start for lines of the last moments before a crash. */
export type CommitCheck = (line: {
  auditId: string;
  kind: 'write' | 'delete';
  submissionId: string;
}) => Promise<boolean>;

export interface CompactionReport {
  /** Events dropped (every delivery delivered long enough ago). */
  dropped: number;
  linesBefore: number;
  linesAfter: number;
}

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
  /**
   * Lines appended but not (yet) reflected in `state`: a write's events before its commit, an
   * emit or subscription change before its fsync. A compaction writes them after the state, so it
   * never loses a line it replaces; a line appended after it again is replayed idempotently.
   */
  private readonly unsettled = new Map<number, OutboxLine>();
  private unsettledSeq = 0;
  private compacting: Promise<CompactionReport | undefined> | undefined;
  /** Lines in the file right after the last compaction (or load): the next one waits for twice as many. */
  private linesAfterCompaction = 0;
  private readonly keepDeliveredMs: number;
  private readonly minLines: number;
  /** Why the last automatic compaction failed (the old log stays in use); undefined after a success. */
  compactionError: unknown;

  constructor(dataDir: string, compaction: OutboxCompactionOptions = {}) {
    this.log = new OutboxLog(path.join(dataDir, OUTBOX_FILE));
    this.keepDeliveredMs = compaction.keepDeliveredMs ?? 7 * 24 * 3_600_000;
    this.minLines = compaction.minLines ?? 20_000;
  }

  get size(): OutboxState['size'] {
    return this.state.size;
  }

  /** Set when the log could not be written: no change with events may commit until a restart. */
  get failure(): Error | undefined {
    return this.log.failed;
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
          if (line.e.every((e) => state.hasEvent(e.id))) break;
          let ok = line.a === undefined ? true : outcome.get(line.a);
          if (ok === undefined && line.a !== undefined) {
            ok = await committed({
              auditId: line.a,
              kind: line.k ?? 'write',
              submissionId: line.sid ?? line.e[0]?.submissionId ?? '',
            });
            outcome.set(line.a, ok);
            settle.push({ t: ok ? 'ok' : 'x', a: line.a });
          }
          if (ok)
            for (const e of line.e)
              state.restoreEvent(
                e,
                line.d.filter((d) => d.eventId === e.id),
                line.e.length === 1 ? line.q : undefined,
              );
          else dropped += line.e.length;
          break;
        }
        case 'd':
          // The state of a delivery whose event a compaction dropped (written just after it): gone too.
          if (state.hasEvent(line.d.eventId)) state.restoreDelivery(line.d);
          break;
        case 'k':
          state.restoreDedupeKey(line.tenantId, line.k);
          break;
        case 'ar':
          state.restoreArchived(line.tenantId, line.sid, line.r);
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
    this.linesAfterCompaction = this.log.lineCount;
    return { settled: settle.length, dropped };
  }

  /** Starts writing a write's events durably; the caller's commit waits for `written`. */
  prepare(
    auditId: string,
    kind: 'write' | 'delete',
    submissionId: string,
    events: readonly OutboxEvent[] | undefined,
  ): PreparedEvents | undefined {
    if (!events?.length) return undefined;
    const fresh = events.filter((e) => !this.state.isDuplicate(e));
    const deliveries = fresh.flatMap((e) => this.fanOut(e));
    const line: OutboxLine = { t: 'e', a: auditId, k: kind, sid: submissionId, e: fresh, d: deliveries };
    const unsettled = this.hold(line);
    const written = this.log.append([line], true);
    written.catch(() => undefined);
    return { auditId, written, events: fresh, deliveries, unsettled };
  }

  /** The write committed: its events become visible. The `ok` line need not be durable (start-up can tell). */
  committed(prepared: PreparedEvents | undefined): void {
    if (!prepared) return;
    for (const e of prepared.events)
      this.state.restoreEvent(
        e,
        prepared.deliveries.filter((d) => d.eventId === e.id),
      );
    this.unsettled.delete(prepared.unsettled);
    void this.log.append([{ t: 'ok', a: prepared.auditId }], false).catch(() => undefined);
  }

  /** The write did not commit: its events never happened. */
  aborted(prepared: PreparedEvents | undefined): void {
    if (!prepared) return;
    this.unsettled.delete(prepared.unsettled);
    void this.log.append([{ t: 'x', a: prepared.auditId }], false).catch(() => undefined);
  }

  async emit(events: readonly OutboxEvent[]): Promise<OutboxEvent[]> {
    const fresh = events.filter(
      (e, i) =>
        !this.state.isDuplicate(e) &&
        events.findIndex(
          (o) => o.dedupeKey !== undefined && o.dedupeKey === e.dedupeKey && o.tenantId === e.tenantId,
        ) <= i,
    );
    if (!fresh.length) return [];
    const deliveries = fresh.flatMap((e) => this.fanOut(e));
    await this.durably({ t: 'e', e: fresh, d: deliveries }, () => {
      for (const e of fresh)
        this.state.restoreEvent(
          e,
          deliveries.filter((d) => d.eventId === e.id),
        );
    });
    return fresh;
  }

  claim(now: string, limit: number, leaseMs: number): ClaimedDelivery[] {
    return this.state.claim(now, limit, leaseMs, randomUUID);
  }

  async complete(id: string, token: string, outcome: DeliveryOutcome): Promise<boolean> {
    const [done] = await this.completeAll([{ id, claimToken: token, outcome }]);
    return done === true;
  }

  /** Records a batch of outcomes with one append. */
  async completeAll(completions: readonly DeliveryCompletion[]): Promise<boolean[]> {
    const lines: OutboxLine[] = [];
    let durable = false;
    const results = completions.map((c) => {
      const done = this.state.complete(c.id, c.claimToken, c.outcome);
      if (!done) return false;
      lines.push({ t: 'd', d: done.delivery });
      if (done.subscription) {
        lines.push({ t: 's', s: done.subscription });
        durable = true;
      }
      return true;
    });
    // A lost "delivered" only repeats a delivery (at least once); a disabled subscription must stay so.
    if (lines.length) await this.log.append(lines, durable);
    this.maybeCompact();
    return results;
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
    let saved: WebhookSubscription | undefined;
    await this.durably({ t: 's', s: subscription }, () => (saved = this.state.saveSubscription(subscription)));
    return saved ?? subscription;
  }

  subscriptions(tenantId: string): WebhookSubscription[] {
    return this.state.subscriptionsOf(tenantId);
  }

  async deleteSubscription(tenantId: string, id: string): Promise<boolean> {
    if (!this.state.subscriptionsOf(tenantId).some((s) => s.id === id)) return false;
    let deleted = false;
    await this.durably({ t: 'sd', tenantId, id }, () => (deleted = this.state.deleteSubscription(tenantId, id)));
    return deleted;
  }

  archivedRevision(tenantId: string, submissionId: string): number | undefined {
    return this.state.archivedRevision(tenantId, submissionId);
  }

  /**
   * Rewrites the log with what is still needed (see `OutboxState.compact`): events delivered more
   * than `keepDeliveredMs` ago go; pending and failed ones, subscriptions, dedupe keys and archived
   * revisions stay. Crash-safe (`OutboxLog.rewrite`). One at a time.
   */
  compact(now = new Date()): Promise<CompactionReport | undefined> {
    this.compacting ??= this.runCompaction(now).finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  async close(): Promise<void> {
    await this.compacting?.catch(() => undefined);
    await this.log.close();
  }

  /** Compacts in the background once the log holds twice the lines it had after the last compaction. */
  private maybeCompact(): void {
    if (
      this.compacting ||
      this.log.failed ||
      this.log.lineCount < Math.max(this.minLines, 2 * this.linesAfterCompaction)
    )
      return;
    this.compact().then(
      () => (this.compactionError = undefined),
      (e: unknown) => {
        this.compactionError = e;
        // Not again before the log has grown as much once more.
        this.linesAfterCompaction = this.log.lineCount;
      },
    );
  }

  private async runCompaction(now: Date): Promise<CompactionReport> {
    const linesBefore = this.log.lineCount;
    let dropped = 0;
    await this.log.rewrite(() => {
      dropped = this.state.compact(new Date(now.getTime() - this.keepDeliveredMs).toISOString());
      return [...snapshotLines(this.state.snapshot()), ...this.unsettled.values()];
    });
    this.linesAfterCompaction = this.log.lineCount;
    return { dropped, linesBefore, linesAfter: this.log.lineCount };
  }

  /** Appends a line durably and applies it to the state after; a compaction meanwhile keeps the line. */
  private async durably(line: OutboxLine, apply: () => void): Promise<void> {
    const n = this.hold(line);
    try {
      await this.log.append([line], true);
      apply();
    } finally {
      this.unsettled.delete(n);
    }
  }

  private hold(line: OutboxLine): number {
    const n = ++this.unsettledSeq;
    this.unsettled.set(n, line);
    return n;
  }

  private fanOut(event: OutboxEvent): Delivery[] {
    return this.state.fanOut(event, (sid) => deliveryId(event, sid));
  }
}
