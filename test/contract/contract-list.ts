import { describe, expect, it } from 'vitest';
import type { Submission, SubmissionFilter, SubmissionStore } from '@skema/core';
import { auditOf, change, minute, newSubmission, tenant } from './fixtures.js';

/** Every page of a listing, following cursors; fails on a cursor loop. */
async function allPages(
  store: SubmissionStore,
  tenantId: string,
  filter: SubmissionFilter,
): Promise<{ pages: Submission[][] }> {
  const pages: Submission[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(tenantId, { ...filter, ...(cursor ? { cursor } : {}) });
    pages.push(page.items);
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('cursor loop');
  } while (cursor);
  return { pages };
}

/** Expected order: updatedAt descending, id descending as tiebreak. */
function sorted(items: Submission[]): Submission[] {
  return [...items].sort((a, b) =>
    a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1,
  );
}

export function listContract(store: () => SubmissionStore): void {
  describe('list', () => {
    async function seed(t: string): Promise<Submission[]> {
      const specs = [
        { formId: 'underretning', version: '1.0.0', status: 'submitted', at: minute(1) },
        { formId: 'underretning', version: '1.0.0', status: 'draft', at: minute(2) },
        { formId: 'underretning', version: '2.0.0', status: 'submitted', at: minute(3) },
        { formId: 'visitation', version: '1.0.0', status: 'approved', at: minute(4) },
        { formId: 'visitation', version: '1.0.0', status: 'submitted', at: minute(5) },
        { formId: 'underretning', version: '2.0.0', status: 'approved', at: minute(5) },
      ] as const;
      const created: Submission[] = [];
      for (const spec of specs) {
        const r = await store().create(newSubmission(t, { ...spec }), auditOf(t, 'create'));
        created.push(r.submission);
      }
      return created;
    }

    it('lists newest first and filters by formId, version, status and updatedSince', async () => {
      const t = tenant();
      const all = await seed(t);
      const ids = (items: Submission[]): string[] => items.map((s) => s.id);
      expect(ids((await store().list(t, {})).items)).toEqual(ids(sorted(all)));
      expect(ids((await store().list(t, { formId: 'visitation' })).items)).toEqual(
        ids(sorted(all.filter((s) => s.formId === 'visitation'))),
      );
      expect(ids((await store().list(t, { formId: 'underretning', version: '2.0.0' })).items)).toEqual(
        ids(sorted(all.filter((s) => s.formId === 'underretning' && s.version === '2.0.0'))),
      );
      expect(ids((await store().list(t, { status: 'submitted' })).items)).toEqual(
        ids(sorted(all.filter((s) => s.status === 'submitted'))),
      );
      expect(ids((await store().list(t, { updatedSince: minute(4) })).items)).toEqual(
        ids(sorted(all.filter((s) => s.updatedAt >= minute(4)))),
      );
      expect(
        ids((await store().list(t, { formId: 'underretning', status: 'approved', updatedSince: minute(2) })).items),
      ).toEqual([all[5]?.id]);
      expect((await store().list(t, { formId: 'nothing' })).items).toEqual([]);
    });

    it('moves an updated submission to the front and re-evaluates filters on the new state', async () => {
      const t = tenant();
      const all = await seed(t);
      const oldest = all[0] as Submission;
      await store().update(t, oldest.id, change(1, { status: 'withdrawn', at: minute(60) }), auditOf(t, 'status'));
      const page = await store().list(t, {});
      expect(page.items[0]?.id).toBe(oldest.id);
      expect(page.items).toHaveLength(all.length);
      expect((await store().list(t, { status: 'withdrawn' })).items.map((s) => s.id)).toEqual([oldest.id]);
      expect((await store().list(t, { updatedSince: minute(30) })).items.map((s) => s.id)).toEqual([oldest.id]);
    });

    it('pages with an opaque cursor: no duplicates, no gaps, across more than two pages', async () => {
      const t = tenant();
      const created: Submission[] = [];
      // 23 submissions, many sharing an updatedAt, so the id tiebreak decides the order.
      for (let i = 0; i < 23; i++) {
        const formId = i % 3 === 0 ? 'visitation' : 'underretning';
        created.push(
          (await store().create(newSubmission(t, { formId, at: minute(Math.floor(i / 4)) }), auditOf(t, 'create')))
            .submission,
        );
      }
      const { pages } = await allPages(store(), t, { limit: 5 });
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
      const flat = pages.flat().map((s) => s.id);
      expect(new Set(flat).size).toBe(23);
      expect(flat).toEqual(sorted(created).map((s) => s.id));

      const filtered = await allPages(store(), t, { formId: 'underretning', limit: 4 });
      expect(filtered.pages.length).toBeGreaterThan(2);
      expect(filtered.pages.flat().map((s) => s.id)).toEqual(
        sorted(created.filter((s) => s.formId === 'underretning')).map((s) => s.id),
      );

      const exact = await store().list(t, { formId: 'visitation', limit: 8 });
      expect(exact.items).toHaveLength(8);
      expect(exact.nextCursor).toBeUndefined();
    });

    it('clamps the page size to 1-100 and rejects a forged cursor', async () => {
      const t = tenant();
      await seed(t);
      expect((await store().list(t, { limit: 0 })).items).toHaveLength(1);
      expect((await store().list(t, { limit: 1000 })).items).toHaveLength(6);
      await expect(store().list(t, { cursor: 'not-a-cursor' })).rejects.toThrow();
    });
  });
}
