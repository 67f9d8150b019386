import type { AuditEntry, Submission } from '@skema/core';

/** Page sizes as in the durable stores: clamped into 1..max, not rejected; `fallback` when absent. */
function pageSize(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    throw new RangeError('Invalid cursor');
  }
}

/** Listing order of every store: updatedAt newest first, id descending as tiebreak. */
function listOrder(a: { ms: number; id: string }, b: { ms: number; id: string }): number {
  if (a.ms !== b.ms) return b.ms - a.ms;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** One page of submissions in listing order; the cursor is the (updatedAt, id) of the last one shown. */
export function listPage(
  items: Submission[],
  filter: { limit?: number; cursor?: string },
): { items: Submission[]; nextCursor?: string } {
  const limit = pageSize(filter.limit, 50, 100);
  let after: { ms: number; id: string } | undefined;
  if (filter.cursor) {
    const value = decode(filter.cursor);
    if (!Array.isArray(value) || value.length !== 2 || !Number.isFinite(value[0]) || typeof value[1] !== 'string')
      throw new RangeError('Invalid cursor');
    after = { ms: value[0] as number, id: value[1] };
  }
  const keyed = items.map((s) => ({ ms: Date.parse(s.updatedAt), id: s.id, s })).sort(listOrder);
  const rest = after ? keyed.filter((k) => listOrder(k, after) > 0) : keyed;
  const taken = rest.slice(0, limit);
  const last = taken.at(-1);
  return {
    items: taken.map((k) => k.s),
    ...(rest.length > limit && last ? { nextCursor: encode([last.ms, last.id]) } : {}),
  };
}

/** One page of audit entries in append order; the cursor is the `seq` of the last one shown. */
export function auditPage(
  items: Array<{ seq: number; entry: AuditEntry }>,
  filter: { limit?: number; cursor?: string },
): { items: AuditEntry[]; nextCursor?: string } {
  const limit = pageSize(filter.limit, 100, 1000);
  let after = -1;
  if (filter.cursor) {
    const value = decode(filter.cursor) as { s?: unknown } | null;
    if (!Number.isInteger(value?.s) || (value?.s as number) < 0) throw new RangeError('Invalid cursor');
    after = value?.s as number;
  }
  const rest = items.filter((i) => i.seq > after);
  const taken = rest.slice(0, limit);
  const last = taken.at(-1);
  return {
    items: taken.map((i) => i.entry),
    ...(rest.length > limit && last ? { nextCursor: encode({ s: last.seq }) } : {}),
  };
}
