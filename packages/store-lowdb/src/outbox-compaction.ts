import type { OutboxSnapshot } from '@skema/core';
import type { OutboxLine } from './outbox.js';

export interface OutboxCompactionOptions {
  /** Delivered events stay this long (listed under the admin's deliveries) before a compaction drops them (default 7 days). */
  keepDeliveredMs?: number;
  /** The log is compacted once it holds this many lines and twice as many as after the last compaction (default 20 000). */
  minLines?: number;
}

/**
 * The lines of a compacted outbox log, in the order a replay needs them: subscriptions first (an
 * event line carries its deliveries, no fan-out happens on replay), then dedupe keys and archived
 * revisions, then the events that are still needed with their place (`q`) kept, so delivery cursors
 * handed out before stay valid.
 */
export function snapshotLines(snapshot: OutboxSnapshot): OutboxLine[] {
  return [
    ...snapshot.subscriptions.map((s): OutboxLine => ({ t: 's', s })),
    ...snapshot.dedupeKeys.map((k): OutboxLine => ({ t: 'k', tenantId: k.tenantId, k: k.key })),
    ...snapshot.archived.map((a): OutboxLine => ({
      t: 'ar',
      tenantId: a.tenantId,
      sid: a.submissionId,
      r: a.revision,
    })),
    ...snapshot.events.map((e): OutboxLine => ({ t: 'e', q: e.seq, e: [e.event], d: e.deliveries })),
  ];
}
