import { describe, expect, it } from 'vitest';
import type { SubmissionStore } from '@skema/core';
import { auditOf, change, holdChange, minute, newSubmission, tenant } from './fixtures.js';

/**
 * `statusChangedAt` (retention counts from it, spec Q17) and the `legal-hold` action: only a real
 * status change moves the time, and a hold change is its own kind of revision and audit entry.
 */
export function statusTimeContract(store: () => SubmissionStore): void {
  describe('statusChangedAt and legal-hold changes', () => {
    it('sets statusChangedAt to the creation time, normalised', async () => {
      const t = tenant();
      const input = newSubmission(t, { at: '2025-03-01T10:00:00+01:00' });
      const created = await store().create(input, auditOf(t, 'create', undefined, input.id));
      expect(created.submission.statusChangedAt).toBe('2025-03-01T09:00:00.000Z');
      expect((await store().get(t, input.id))?.statusChangedAt).toBe('2025-03-01T09:00:00.000Z');
    });

    it('moves it with a new status only: not with data, the same status, a migration or a hold', async () => {
      const t = tenant();
      const input = newSubmission(t, { at: minute(0) });
      await store().create(input, auditOf(t, 'create', undefined, input.id));
      const steps = [
        { change: change(1, { at: minute(1) }), expected: minute(0) },
        {
          change: change(2, { action: 'status', status: 'submitted', changes: [], at: minute(2) }),
          expected: minute(0),
        },
        { change: change(3, { action: 'migrate', version: '1.1.0', at: minute(3) }), expected: minute(0) },
        {
          change: change(4, { action: 'status', status: 'approved', changes: [], at: minute(4) }),
          expected: minute(4),
        },
        { change: holdChange(5, true, { at: minute(5) }), expected: minute(4) },
        { change: holdChange(6, false, { at: minute(6) }), expected: minute(4) },
        { change: change(7, { data: { late: true }, at: minute(7) }), expected: minute(4) },
      ];
      for (const step of steps) {
        const updated = await store().update(
          t,
          input.id,
          step.change,
          auditOf(t, step.change.action, step.change.at, input.id),
        );
        expect(updated, `after ${step.change.action} at ${step.change.at}`).toMatchObject({
          updatedAt: step.change.at,
          statusChangedAt: step.expected,
        });
        expect((await store().get(t, input.id))?.statusChangedAt).toBe(step.expected);
      }
      expect((await store().list(t, {})).items.map((s) => [s.status, s.statusChangedAt, s.updatedAt])).toEqual([
        ['approved', minute(4), minute(7)],
      ]);
    });

    it('records a hold change as revision and audit action legal-hold, with the data and status untouched', async () => {
      const t = tenant();
      const input = newSubmission(t, { status: 'approved' });
      await store().create(input, auditOf(t, 'create', undefined, input.id));
      const held = await store().update(
        t,
        input.id,
        holdChange(1, true, { by: 'leder-key' }),
        auditOf(t, 'legal-hold', undefined, input.id),
      );
      expect(held).toMatchObject({
        revision: 2,
        status: 'approved',
        data: input.data,
        legalHold: true,
        updatedBy: 'leder-key',
      });
      await store().update(t, input.id, holdChange(2, false), auditOf(t, 'legal-hold', undefined, input.id));
      const revisions = await store().revisions(t, input.id);
      expect(revisions.map((r) => [r.revision, r.action, r.status, r.changes])).toEqual([
        [1, 'create', 'approved', []],
        [2, 'legal-hold', 'approved', []],
        [3, 'legal-hold', 'approved', []],
      ]);
      expect(revisions[2]?.data).toEqual(input.data);
      const audit = await store().queryAudit(t, { submissionId: input.id });
      expect(audit.items.map((e) => e.action)).toEqual(['create', 'legal-hold', 'legal-hold']);
    });

    it('refuses a hold under another action, and a legal-hold change that touches more, storing nothing', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create', undefined, input.id));
      for (const bad of [
        change(1, { legalHold: true, changes: [] }),
        holdChange(1, true, { status: 'approved' }),
        holdChange(1, true, { data: {} }),
        change(1, { action: 'legal-hold', changes: [] }),
      ]) {
        await expect(
          store().update(t, input.id, bad, auditOf(t, bad.action, undefined, input.id)),
        ).rejects.toBeInstanceOf(TypeError);
      }
      const stored = await store().get(t, input.id);
      expect(stored).toMatchObject({ revision: 1, status: 'submitted' });
      expect(stored?.legalHold).toBeUndefined();
      expect(await store().revisions(t, input.id)).toHaveLength(1);
      expect((await store().queryAudit(t, { submissionId: input.id })).items.map((e) => e.action)).toEqual(['create']);
    });
  });
}
