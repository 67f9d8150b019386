import { searchFold, type CaseStore } from '@skema/core';
import type { ListCaseLookup, ListedCase } from '../list-view.js';

/** Pages of cases a search reads at most (100 each): a text that matches more cases is too broad to narrow the list by case. */
const MAX_CASE_PAGES = 5;

/** The cases a submission list shows and searches (`SubmissionsDeps.listCases`), read from the case store. */
export function caseListLookup(cases: Pick<CaseStore, 'caseOfSubmission' | 'getCase' | 'listCases'>): ListCaseLookup {
  return {
    async casesOf(tenantId, submissionIds) {
      const caseIds = await Promise.all(
        submissionIds.map(async (id) => [id, await cases.caseOfSubmission(tenantId, id)] as const),
      );
      const records = new Map<string, ListedCase | undefined>();
      await Promise.all(
        [...new Set(caseIds.flatMap(([, c]) => (c ? [c] : [])))].map(async (caseId) => {
          const record = await cases.getCase(tenantId, caseId);
          records.set(caseId, record ? { id: record.id, title: record.title } : undefined);
        }),
      );
      const out = new Map<string, ListedCase>();
      for (const [submissionId, caseId] of caseIds) {
        const listed = caseId ? records.get(caseId) : undefined;
        if (listed) out.set(submissionId, listed);
      }
      return out;
    },

    async submissionsOfCasesMatching(tenantId, text) {
      const out = new Set<string>();
      const exact = await cases.getCase(tenantId, text);
      for (const m of exact?.submissions ?? []) out.add(m.submissionId);
      // The store's text filter also matches the borger's name, which the list does not show: only the title (or id) counts here.
      let cursor: string | undefined;
      for (let page = 0; page < MAX_CASE_PAGES; page++) {
        const found = await cases.listCases(tenantId, { text, limit: 100, ...(cursor ? { cursor } : {}) });
        for (const c of found.items) {
          if (!searchFold(c.title).includes(text) && !searchFold(c.id).includes(text)) continue;
          for (const m of c.submissions) out.add(m.submissionId);
        }
        if (!found.nextCursor) break;
        cursor = found.nextCursor;
      }
      return [...out];
    },
  };
}
