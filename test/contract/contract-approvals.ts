import { describe, expect, it } from 'vitest';
import type { Approval, SubmissionStore } from '@skema/core';
import { auditOf, change, holdChange, minute, newSubmission, tenant } from './fixtures.js';

const approval = (actorId: string, role: string, revision: number, extra: Partial<Approval> = {}): Approval => ({
  actorId,
  role,
  at: minute(revision),
  decision: 'approved',
  revision,
  ...extra,
});

/**
 * Approvals are data of the submission and of each revision: a change that gives them replaces
 * them, one that does not keeps them, `[]` clears them; absent when there are none.
 */
export function approvalsContract(store: () => SubmissionStore): void {
  describe('approvals on the submission and its revisions', () => {
    it('a new submission has none', async () => {
      const t = tenant();
      const input = newSubmission(t);
      const created = await store().create(input, auditOf(t, 'create', undefined, input.id));
      expect(created.submission.approvals).toBeUndefined();
      expect((await store().get(t, input.id))?.approvals).toBeUndefined();
      expect((await store().revisions(t, input.id))[0]?.approvals).toBeUndefined();
    });

    it('stores given approvals on the submission and the revision, keeps them when a change gives none (a hold), clears them with []', async () => {
      const t = tenant();
      const input = newSubmission(t, { at: minute(0) });
      await store().create(input, auditOf(t, 'create', minute(0), input.id));
      const first = approval('fagkonsulent-1', 'fagkonsulent', 2, { actorName: 'Fiktiv Fagkonsulent' });
      const recorded = await store().update(
        t,
        input.id,
        change(1, { action: 'status', status: 'submitted', changes: [], approvals: [first], at: minute(2) }),
        auditOf(t, 'status', minute(2), input.id),
      );
      expect(recorded.approvals).toEqual([first]);
      await store().update(
        t,
        input.id,
        holdChange(2, true, { at: minute(3) }),
        auditOf(t, 'legal-hold', minute(3), input.id),
      );
      expect((await store().get(t, input.id))?.approvals).toEqual([first]);
      const second = approval('leder-1', 'leder', 4);
      await store().update(
        t,
        input.id,
        change(3, { action: 'status', status: 'approved', changes: [], approvals: [first, second], at: minute(4) }),
        auditOf(t, 'status', minute(4), input.id),
      );
      expect((await store().get(t, input.id))?.approvals).toEqual([first, second]);
      expect((await store().list(t, {})).items[0]?.approvals).toEqual([first, second]);
      await store().update(
        t,
        input.id,
        change(4, { approvals: [], at: minute(5) }),
        auditOf(t, 'update', minute(5), input.id),
      );
      expect((await store().get(t, input.id))?.approvals).toBeUndefined();

      const revisions = await store().revisions(t, input.id);
      expect(revisions.map((r) => r.approvals?.map((a) => a.actorId))).toEqual([
        undefined,
        ['fagkonsulent-1'],
        ['fagkonsulent-1'],
        ['fagkonsulent-1', 'leder-1'],
        undefined,
      ]);
    });

    it('a refused change leaves the approvals as they were', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create', undefined, input.id));
      const first = approval('fagkonsulent-1', 'fagkonsulent', 2);
      await store().update(
        t,
        input.id,
        change(1, { action: 'status', status: 'submitted', changes: [], approvals: [first] }),
        auditOf(t, 'status', undefined, input.id),
      );
      await expect(
        store().update(t, input.id, change(1, { approvals: [] }), auditOf(t, 'update', undefined, input.id)),
      ).rejects.toThrow();
      expect((await store().get(t, input.id))?.approvals).toEqual([first]);
    });
  });
}
