import type { AuditEntry, AuditFilter } from '@skema/core';
import { pageSize } from './cursor.js';
import { normaliseInstant } from './doc.js';
import { auditFor, decodeSeqCursor, encodeSeqCursor } from './records.js';
import type { StoreParts } from './store-parts.js';

/** An audit entry that changes no file: only the log line, with the next seq. */
export async function appendAuditEntry(parts: StoreParts, entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
  const e = auditFor(entry, entry.tenantId);
  await parts.audit.append({ seq: parts.writer.nextSeq(), e });
  return e;
}

/** A tenant's audit page; entries of aborted (voided) and not yet settled writes are left out. */
export async function queryAuditEntries(
  parts: StoreParts,
  tenantId: string,
  filter: AuditFilter,
): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
  const page = await parts.audit.query(
    tenantId,
    {
      limit: pageSize(filter.limit, 100, 1000),
      ...(filter.submissionId !== undefined ? { submissionId: filter.submissionId } : {}),
      ...(filter.since !== undefined ? { sinceMs: Date.parse(normaliseInstant(filter.since, 'since')) } : {}),
      ...(filter.cursor ? { afterSeq: decodeSeqCursor(filter.cursor) } : {}),
    },
    { has: (auditId: string) => parts.voided.ids.has(auditId) || parts.writer.isPending(auditId) },
  );
  return page.more && page.lastSeq !== undefined
    ? { items: page.items, nextCursor: encodeSeqCursor(page.lastSeq) }
    : { items: page.items };
}
