import { describe, expect, it } from 'vitest';
import type { Submission, SubmissionSearch, SubmissionStore } from '@skema/core';
import { auditOf, change, minute, newSubmission, tenant } from './fixtures.js';

const search = (text: string, over: Partial<SubmissionSearch> = {}): SubmissionSearch => ({
  text,
  formIds: [],
  ids: [],
  fields: {},
  ...over,
});

/** The store's part of the list search (`SubmissionFilter.search`): every store matches the same way. */
export function searchContract(store: () => SubmissionStore): void {
  describe('list search', () => {
    async function seed(t: string): Promise<Submission[]> {
      const rows = [
        {
          formId: 'underretning',
          data: { barn: { navn: 'Åse Ærø', cpr: '0101181234' }, note: 'Åse nævnt her' },
          at: minute(1),
        },
        { formId: 'underretning', data: { barn: { navn: 'Bo Hansen', cpr: '0202185678' } }, at: minute(2) },
        {
          formId: 'visitation',
          data: { barn: { navn: 'Åse Holm' }, soeskende: [{ navn: 'Carl 100% "Q"' }, { navn: 'Dina' }] },
          at: minute(3),
        },
        {
          formId: 'visitation',
          data: { barn: 'Åse som tekst i et objektfelt', soeskende: { navn: 'Eva' } },
          at: minute(4),
        },
      ];
      const out: Submission[] = [];
      for (const r of rows) out.push((await store().create(newSubmission(t, r), auditOf(t, 'create'))).submission);
      return out;
    }
    const ids = (items: Submission[]): string[] => items.map((s) => s.id);
    const fields = { underretning: ['/barn/navn'], visitation: ['/barn/navn', '/soeskende/*/navn'] };

    it('matches the text, case-insensitively, only in the named fields of each form', async () => {
      const t = tenant();
      const [a, b, c, d] = await seed(t);
      expect(ids((await store().list(t, { search: search('åse', { fields }) })).items)).toEqual([c!.id, a!.id]);
      expect(ids((await store().list(t, { search: search('ærø', { fields }) })).items)).toEqual([a!.id]);
      // Another form's fields, a field the search does not name, an object at the pointer: no match.
      expect(
        ids((await store().list(t, { search: search('åse', { fields: { underretning: ['/note'] } }) })).items),
      ).toEqual([a!.id]);
      expect(
        ids((await store().list(t, { search: search('åse', { fields: { visitation: ['/barn'] } }) })).items),
      ).toEqual([d!.id]);
      expect(
        (await store().list(t, { search: search('hansen', { fields: { visitation: ['/barn/navn'] } }) })).items,
      ).toEqual([]);
      expect(ids((await store().list(t, { search: search('hansen', { fields }) })).items)).toEqual([b!.id]);
    });

    it('searches array elements with `*`, never an object in their place, and takes %, _ and quotes literally', async () => {
      const t = tenant();
      const [, , c] = await seed(t);
      expect(ids((await store().list(t, { search: search('dina', { fields }) })).items)).toEqual([c!.id]);
      expect((await store().list(t, { search: search('eva', { fields }) })).items).toEqual([]);
      expect(ids((await store().list(t, { search: search('100% "q"', { fields }) })).items)).toEqual([c!.id]);
      expect((await store().list(t, { search: search('1_0', { fields }) })).items).toEqual([]);
      expect(
        (await store().list(t, { search: search('%', { fields: { underretning: ['/barn/navn'] } }) })).items,
      ).toEqual([]);
    });

    it('never matches a field it is not given: a CPR number finds nothing', async () => {
      const t = tenant();
      await seed(t);
      expect((await store().list(t, { search: search('0101181234', { fields }) })).items).toEqual([]);
      expect((await store().list(t, { search: search('010118', { fields }) })).items).toEqual([]);
    });

    it('matches the id, the given forms and the given ids, combined with the other filters', async () => {
      const t = tenant();
      const [a, b, c, d] = await seed(t);
      expect(ids((await store().list(t, { search: search(a!.id.slice(2, 12).toLowerCase()) })).items)).toEqual([a!.id]);
      expect(ids((await store().list(t, { search: search('zzz', { formIds: ['visitation'] }) })).items)).toEqual([
        d!.id,
        c!.id,
      ]);
      expect(ids((await store().list(t, { search: search('zzz', { ids: [b!.id] }) })).items)).toEqual([b!.id]);
      expect(
        ids(
          (
            await store().list(t, {
              formId: 'underretning',
              search: search('zzz', { formIds: ['visitation'], ids: [b!.id] }),
            })
          ).items,
        ),
      ).toEqual([b!.id]);
      // Another tenant's search finds nothing of this one.
      expect((await store().list(tenant(), { search: search('åse', { fields, ids: [a!.id] }) })).items).toEqual([]);
    });

    it('keeps the list order and pages with the cursor; an update is searched in its new state', async () => {
      const t = tenant();
      const made: Submission[] = [];
      for (let i = 0; i < 7; i++) {
        const data = { barn: { navn: i % 2 === 0 ? `Åse ${i}` : `Bo ${i}` } };
        made.push(
          (
            await store().create(
              newSubmission(t, { formId: 'underretning', data, at: minute(i) }),
              auditOf(t, 'create'),
            )
          ).submission,
        );
      }
      const s = { search: search('åse', { fields: { underretning: ['/barn/navn'] } }), limit: 2 };
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await store().list(t, { ...s, ...(cursor ? { cursor } : {}) });
        pages.push(ids(page.items));
        cursor = page.nextCursor;
      } while (cursor && pages.length < 10);
      expect(pages.map((p) => p.length)).toEqual([2, 2]);
      expect(pages.flat()).toEqual([made[6]!.id, made[4]!.id, made[2]!.id, made[0]!.id]);

      await store().update(
        t,
        made[1]!.id,
        change(1, { data: { barn: { navn: 'Åse ny' } }, at: minute(30) }),
        auditOf(t, 'update'),
      );
      expect(
        ids((await store().list(t, { search: search('åse ny', { fields: { underretning: ['/barn/navn'] } }) })).items),
      ).toEqual([made[1]!.id]);
    });
  });
}
