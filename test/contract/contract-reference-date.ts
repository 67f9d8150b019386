import { describe, expect, it } from 'vitest';
import type { SubmissionStore } from '@skema/core';
import { auditOf, change, newSubmission, receipt, sampleData, tenant } from './fixtures.js';

/**
 * The date a submission's rules judge (issue #13): stamped on its first submission into the
 * receipt (`referenceDate`) and into the data at the form's reference-date field. A store keeps
 * the receipt's date on the submission and on every revision, and stores a status change that
 * also writes data (a draft moved to submitted gets its stamp) as one revision with both.
 */
export function referenceDateContract(store: () => SubmissionStore): void {
  describe('reference date (the stamped date a submission is judged on)', () => {
    it('keeps the receipt’s referenceDate on the submission and on every revision', async () => {
      const t = tenant();
      const stamped = { ...receipt(), referenceDate: '2026-05-20' };
      const input = newSubmission(t, {
        receipt: stamped,
        data: { ...sampleData(), visitation: { modtagetDato: '2026-05-20' } },
      });
      await store().create(input, auditOf(t, 'create', undefined, input.id));
      await store().update(
        t,
        input.id,
        change(1, { receipt: { ...stamped, validatedAt: '2026-07-01T10:00:00.000Z' } }),
        auditOf(t, 'update', undefined, input.id),
      );
      expect((await store().get(t, input.id))?.receipt.referenceDate).toBe('2026-05-20');
      expect((await store().revisions(t, input.id)).map((r) => r.receipt.referenceDate)).toEqual([
        '2026-05-20',
        '2026-05-20',
      ]);
    });

    it('stores a status change that also writes data as one revision with status, data, patch and receipt', async () => {
      const t = tenant();
      const input = newSubmission(t, { status: 'draft' });
      await store().create(input, auditOf(t, 'create', undefined, input.id));
      const data = { ...sampleData(), visitation: { modtagetDato: '2026-06-01' } };
      const patch = [
        { op: 'add', path: '/data/visitation', value: { modtagetDato: '2026-06-01' } },
        { op: 'replace', path: '/status', value: 'submitted' },
      ];
      const moved = await store().update(
        t,
        input.id,
        change(1, {
          action: 'status',
          status: 'submitted',
          data,
          changes: patch,
          receipt: { ...receipt(), referenceDate: '2026-06-01' },
        }),
        auditOf(t, 'status', undefined, input.id),
      );
      expect(moved).toMatchObject({ revision: 2, status: 'submitted', data, receipt: { referenceDate: '2026-06-01' } });
      const [first, second] = await store().revisions(t, input.id);
      expect(first).toMatchObject({ status: 'draft', data: input.data });
      expect(first?.receipt.referenceDate).toBeUndefined();
      expect(second).toMatchObject({
        action: 'status',
        status: 'submitted',
        data,
        changes: patch,
        receipt: { referenceDate: '2026-06-01' },
      });
    });
  });
}
