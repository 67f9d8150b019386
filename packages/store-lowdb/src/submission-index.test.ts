import { describe, expect, it } from 'vitest';
import type { IndexEntry } from './submission-index.js';
import { SubmissionIndex } from './submission-index.js';

const stamp = { ino: 1, size: 1, mtimeMs: 1 };
const entry = (id: string, ms: number, extra: Partial<IndexEntry> = {}): IndexEntry => ({
  id,
  tenantId: 't',
  formId: 'f',
  version: '1',
  status: 'draft',
  updatedAtMs: ms,
  stamp,
  ...extra,
});

function ids(index: SubmissionIndex, limit = 100): string[] {
  return index.page('t', {}, undefined, limit).entries.map((e) => e.id);
}

describe('SubmissionIndex', () => {
  it('orders newest first with id descending as tiebreak, whether loaded in bulk or one by one', () => {
    const entries = [entry('a', 1), entry('b', 3), entry('c', 3), entry('d', 2), entry('e', 3)];
    const bulk = new SubmissionIndex();
    bulk.load(entries);
    const single = new SubmissionIndex();
    for (const e of [...entries].reverse()) single.upsert(e);
    expect(ids(bulk)).toEqual(['e', 'c', 'b', 'd', 'a']);
    expect(ids(single)).toEqual(ids(bulk));
  });

  it('moves an entry when it changes and forgets it (with its key) when removed', () => {
    const index = new SubmissionIndex();
    index.load([entry('a', 1, { idempotencyKey: 'k' }), entry('b', 2)]);
    index.setKey('t', 'k', { submissionId: 'a', requestHash: 'h' });
    index.upsert(entry('a', 5, { idempotencyKey: 'k' }));
    expect(ids(index)).toEqual(['a', 'b']);
    expect(index.findKey('t', 'k')?.submissionId).toBe('a');
    index.remove('a');
    expect(ids(index)).toEqual(['b']);
    expect(index.findKey('t', 'k')).toBeUndefined();
    expect(index.size).toBe(1);
  });

  it('pages after a position and filters, stopping at updatedSince', () => {
    const index = new SubmissionIndex();
    index.load(Array.from({ length: 10 }, (_, i) => entry(`s${i}`, i, { formId: i % 2 ? 'odd' : 'even' })));
    const first = index.page('t', { formId: 'odd' }, undefined, 2);
    expect(first.entries.map((e) => e.id)).toEqual(['s9', 's7']);
    expect(first.more).toBe(true);
    const last = first.entries.at(-1) as IndexEntry;
    const second = index.page('t', { formId: 'odd' }, { ms: last.updatedAtMs, id: last.id }, 10);
    expect(second.entries.map((e) => e.id)).toEqual(['s5', 's3', 's1']);
    expect(second.more).toBe(false);
    expect(index.page('t', { sinceMs: 7 }, undefined, 10).entries.map((e) => e.id)).toEqual(['s9', 's8', 's7']);
    expect(index.page('other', {}, undefined, 10).entries).toEqual([]);
  });
});
