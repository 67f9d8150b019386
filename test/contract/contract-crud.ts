import { describe, expect, it } from 'vitest';
import { NotFoundError, RevisionConflictError } from '@skema/core';
import type { SubmissionStore } from '@skema/core';
import { auditOf, change, holdChange, newSubmission, sampleData, tenant } from './fixtures.js';

export function crudContract(store: () => SubmissionStore): void {
  describe('create and get', () => {
    it('creates revision 1 and reads it back unchanged', async () => {
      const t = tenant();
      const input = newSubmission(t);
      const result = await store().create(input, auditOf(t, 'create'));
      expect(result.created).toBe(true);
      const expected = {
        id: input.id,
        tenantId: t,
        formId: input.formId,
        version: input.version,
        status: 'submitted',
        data: input.data,
        revision: 1,
        receipt: input.receipt,
        createdAt: input.at,
        updatedAt: input.at,
        statusChangedAt: input.at,
        createdBy: input.by,
        updatedBy: input.by,
      };
      expect(result.submission).toEqual(expected);
      expect(await store().get(t, input.id)).toEqual(expected);
      expect((await store().get(t, input.id))?.legalHold).toBeUndefined();
    });

    it('reads an unknown id as undefined', async () => {
      expect(await store().get(tenant(), 'does-not-exist')).toBeUndefined();
    });

    it('stores timestamps as ISO-8601 UTC with milliseconds', async () => {
      const t = tenant();
      const input = newSubmission(t, { at: '2025-03-01T10:00:00+01:00' });
      await store().create(input, auditOf(t, 'create'));
      expect((await store().get(t, input.id))?.createdAt).toBe('2025-03-01T09:00:00.000Z');
    });

    it('refuses a second create with the same id, in any tenant, and keeps the original', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create'));
      const other = tenant();
      for (const clash of [
        { ...input, data: { overwritten: true } },
        { ...input, tenantId: other },
      ]) {
        await expect(store().create(clash, auditOf(clash.tenantId, 'create'))).rejects.toMatchObject({
          name: 'DuplicateSubmissionError',
        });
      }
      expect((await store().get(t, input.id))?.data).toEqual(input.data);
      expect(await store().get(other, input.id)).toBeUndefined();
    });
  });

  describe('tenant isolation', () => {
    it('hides another tenant’s submission from get, list, update, delete, revisions and audit', async () => {
      const owner = tenant();
      const intruder = tenant();
      const input = newSubmission(owner);
      await store().create(input, auditOf(owner, 'create'));
      expect(await store().get(intruder, input.id)).toBeUndefined();
      expect((await store().list(intruder, {})).items).toEqual([]);
      await expect(store().update(intruder, input.id, change(1), auditOf(intruder, 'update'))).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await store().delete(intruder, input.id, auditOf(intruder, 'delete'))).toBe(false);
      expect(await store().revisions(intruder, input.id)).toEqual([]);
      expect((await store().queryAudit(intruder, {})).items).toEqual([]);
      expect((await store().queryAudit(intruder, { submissionId: input.id })).items).toEqual([]);
      const kept = await store().get(owner, input.id);
      expect(kept?.revision).toBe(1);
      expect(kept?.data).toEqual(input.data);
    });
  });

  describe('update', () => {
    it('applies a change at the expected revision', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create'));
      const data = sampleData(5);
      const updated = await store().update(
        t,
        input.id,
        change(1, { data, status: 'approved', version: '1.1.0' }),
        auditOf(t, 'update'),
      );
      expect(updated).toMatchObject({
        revision: 2,
        data,
        status: 'approved',
        version: '1.1.0',
        updatedBy: 'api-key-2',
        updatedAt: '2025-03-02T10:00:00.000Z',
      });
      expect(updated.createdAt).toBe(input.at);
      expect(updated.createdBy).toBe(input.by);
      expect(await store().get(t, input.id)).toEqual(updated);
    });

    it('keeps data, status and version that a change leaves out', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create'));
      const updated = await store().update(
        t,
        input.id,
        change(1, { action: 'status', status: 'rejected', changes: [] }),
        auditOf(t, 'status'),
      );
      expect(updated).toMatchObject({ revision: 2, status: 'rejected', data: input.data, version: input.version });
    });

    it('rejects a stale revision with RevisionConflictError and changes nothing', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create'));
      await store().update(t, input.id, change(1), auditOf(t, 'update'));
      const error = await store()
        .update(t, input.id, change(1, { data: { lost: true } }), auditOf(t, 'update'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RevisionConflictError);
      expect(error).toMatchObject({ expected: 1, actual: 2 });
      const stored = await store().get(t, input.id);
      expect(stored?.revision).toBe(2);
      expect(stored?.data).toEqual(input.data);
      expect(await store().revisions(t, input.id)).toHaveLength(2);
      expect((await store().queryAudit(t, { submissionId: input.id })).items).toHaveLength(2);
    });

    it('throws NotFoundError for an absent submission', async () => {
      const t = tenant();
      await expect(store().update(t, 'absent-id', change(1), auditOf(t, 'update'))).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });

  describe('revisions', () => {
    it('keeps every stored state with its changes, action, author and time', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create'));
      const patch = [{ op: 'replace', path: '/barn/alder', value: 12 }];
      await store().update(t, input.id, change(1, { data: sampleData(5), changes: patch }), auditOf(t, 'update'));
      await store().update(
        t,
        input.id,
        change(2, {
          action: 'status',
          status: 'approved',
          changes: [],
          by: 'api-key-3',
          at: '2025-03-03T08:00:00.000Z',
        }),
        auditOf(t, 'status'),
      );
      const revisions = await store().revisions(t, input.id);
      expect(revisions.map((r) => [r.revision, r.action, r.status, r.by, r.at])).toEqual([
        [1, 'create', 'submitted', 'api-key-1', input.at],
        [2, 'update', 'submitted', 'api-key-2', '2025-03-02T10:00:00.000Z'],
        [3, 'status', 'approved', 'api-key-3', '2025-03-03T08:00:00.000Z'],
      ]);
      expect(revisions[0]).toMatchObject({
        submissionId: input.id,
        formId: input.formId,
        version: input.version,
        data: input.data,
        changes: [],
        receipt: input.receipt,
      });
      expect(revisions[1]?.changes).toEqual(patch);
      expect(revisions[1]?.data).toEqual(sampleData(5));
      expect(revisions[2]?.data).toEqual(sampleData(5));
    });
  });

  describe('delete and legal hold', () => {
    it('deletes a submission and its revisions but keeps its audit trail', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create'));
      expect(await store().delete(t, input.id, auditOf(t, 'delete'))).toBe(true);
      expect(await store().get(t, input.id)).toBeUndefined();
      expect(await store().revisions(t, input.id)).toEqual([]);
      expect((await store().list(t, {})).items).toEqual([]);
      const audit = await store().queryAudit(t, { submissionId: input.id });
      expect(audit.items.map((e) => e.action)).toEqual(['create', 'delete']);
      expect(await store().delete(t, input.id, auditOf(t, 'delete'))).toBe(false);
      await expect(store().update(t, input.id, change(1), auditOf(t, 'update'))).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses to delete while on legal hold, and deletes after release', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create'));
      const held = await store().update(t, input.id, holdChange(1, true), auditOf(t, 'legal-hold'));
      expect(held.legalHold).toBe(true);
      const kept = await store().update(
        t,
        input.id,
        change(2, { status: 'approved', changes: [] }),
        auditOf(t, 'status'),
      );
      expect(kept.legalHold).toBe(true);
      expect(await store().delete(t, input.id, auditOf(t, 'delete'))).toBe(false);
      expect((await store().get(t, input.id))?.revision).toBe(3);
      expect((await store().queryAudit(t, { submissionId: input.id })).items.map((e) => e.action)).not.toContain(
        'delete',
      );
      const released = await store().update(t, input.id, holdChange(3, false), auditOf(t, 'legal-hold'));
      expect(released.legalHold).toBeFalsy();
      expect(await store().delete(t, input.id, auditOf(t, 'delete'))).toBe(true);
      expect(await store().get(t, input.id)).toBeUndefined();
    });

    it('returns false for an absent id', async () => {
      const t = tenant();
      expect(await store().delete(t, 'absent-id', auditOf(t, 'delete'))).toBe(false);
    });
  });

  describe('health', () => {
    it('reports ok with the store name', async () => {
      const health = await store().health();
      expect(health.ok).toBe(true);
      expect(health.store).toBe(store().name);
    });
  });
}
