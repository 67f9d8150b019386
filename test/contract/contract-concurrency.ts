import { describe, expect, it } from 'vitest';
import { RevisionConflictError } from '@skema/core';
import type { SubmissionStore } from '@skema/core';
import type { StoreHarness } from './fixtures.js';
import { auditOf, change, holdChange, newSubmission, sampleData, tenant } from './fixtures.js';

export function idempotencyContract(store: () => SubmissionStore): void {
  describe('idempotency', () => {
    it('returns the earlier submission for a repeated key and stores nothing', async () => {
      const t = tenant();
      const first = await store().create(newSubmission(t), auditOf(t, 'create'), {
        key: 'key-1',
        requestHash: 'hash-a',
      });
      expect(first.created).toBe(true);
      const retry = await store().create(newSubmission(t, { data: { other: true } }), auditOf(t, 'create'), {
        key: 'key-1',
        requestHash: 'hash-b',
      });
      expect(retry.created).toBe(false);
      expect(retry.submission).toEqual(first.submission);
      if (!retry.created) {
        expect(retry.idempotency).toEqual({
          key: 'key-1',
          tenantId: t,
          requestHash: 'hash-a',
          submissionId: first.submission.id,
        });
      }
      expect((await store().list(t, {})).items).toHaveLength(1);
      expect((await store().queryAudit(t, {})).items).toHaveLength(1);
    });

    it('treats the same key under another tenant as a new request', async () => {
      const a = tenant();
      const b = tenant();
      const first = await store().create(newSubmission(a), auditOf(a, 'create'), {
        key: 'shared-key',
        requestHash: 'h',
      });
      const other = await store().create(newSubmission(b), auditOf(b, 'create'), {
        key: 'shared-key',
        requestHash: 'h',
      });
      expect(other.created).toBe(true);
      expect(other.submission.id).not.toBe(first.submission.id);
      expect(other.submission.tenantId).toBe(b);
    });

    it('creates exactly one submission when requests with one key race', async () => {
      const t = tenant();
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          store().create(newSubmission(t), auditOf(t, 'create'), { key: 'race', requestHash: 'h' }),
        ),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.submission.id)).size).toBe(1);
      expect((await store().list(t, {})).items).toHaveLength(1);
    });
  });
}

export function concurrencyContract(store: () => SubmissionStore): void {
  describe('concurrency', () => {
    it('lets exactly one of 20 parallel updates with the same expected revision win', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create'));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store().update(t, input.id, change(1, { data: sampleData(100 + i) }), auditOf(t, 'update')),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const o of lost) expect(o.reason).toBeInstanceOf(RevisionConflictError);
      const winner = (won[0] as PromiseFulfilledResult<{ data: unknown }>).value;
      expect((await store().get(t, input.id))?.data).toEqual(winner.data);
      const revisions = await store().revisions(t, input.id);
      expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
      expect(revisions[1]?.data).toEqual(winner.data);
      expect((await store().queryAudit(t, { submissionId: input.id })).items).toHaveLength(2);
    });

    it('loses no update when writers retry on conflict', async () => {
      const t = tenant();
      const input = newSubmission(t, { data: { count: 0 } });
      await store().create(input, auditOf(t, 'create'));
      const increment = async (): Promise<void> => {
        for (;;) {
          const current = await store().get(t, input.id);
          if (!current) throw new Error('vanished');
          const count = (current.data as { count: number }).count;
          try {
            await store().update(
              t,
              input.id,
              change(current.revision, { data: { count: count + 1 } }),
              auditOf(t, 'update'),
            );
            return;
          } catch (error) {
            if (!(error instanceof RevisionConflictError)) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, increment));
      const final = await store().get(t, input.id);
      expect(final?.data).toEqual({ count: 8 });
      expect(final?.revision).toBe(9);
      expect((await store().revisions(t, input.id)).map((r) => (r.data as { count: number }).count)).toEqual([
        0, 1, 2, 3, 4, 5, 6, 7, 8,
      ]);
    });

    it('runs writes to different submissions in parallel without interference', async () => {
      const t = tenant();
      const inputs = Array.from({ length: 12 }, () => newSubmission(t));
      await Promise.all(inputs.map((s) => store().create(s, auditOf(t, 'create'))));
      await Promise.all(
        inputs.map((s, i) => store().update(t, s.id, change(1, { data: { i } }), auditOf(t, 'update'))),
      );
      for (const [i, s] of inputs.entries())
        expect(await store().get(t, s.id)).toMatchObject({ revision: 2, data: { i } });
      expect((await store().queryAudit(t, {})).items).toHaveLength(24);
    });
  });
}

export function durabilityContract(harness: () => StoreHarness): void {
  describe('durability', () => {
    it('keeps everything across close and reopen', async () => {
      const h = harness();
      if (!h.reopen) throw new Error('a durable store must be able to re-open');
      const t = tenant();
      const store = h.store;
      const kept = newSubmission(t);
      const held = newSubmission(t);
      const gone = newSubmission(t);
      await store.create(kept, auditOf(t, 'create'), { key: 'durable-key', requestHash: 'h1' });
      await store.create(held, auditOf(t, 'create'));
      await store.create(gone, auditOf(t, 'create'));
      const updated = await store.update(t, kept.id, change(1, { data: sampleData(7) }), auditOf(t, 'update'));
      await store.update(t, held.id, holdChange(1, true), auditOf(t, 'legal-hold'));
      await store.delete(t, gone.id, auditOf(t, 'delete'));
      await store.appendAudit(auditOf(t, 'read', undefined, kept.id));
      const before = {
        list: await store.list(t, {}),
        revisions: await store.revisions(t, kept.id),
        audit: await store.queryAudit(t, {}),
      };

      const reopened = await h.reopen();
      expect(await reopened.get(t, kept.id)).toEqual(updated);
      expect((await reopened.get(t, held.id))?.legalHold).toBe(true);
      expect((await reopened.get(t, held.id))?.statusChangedAt).toBe(held.at);
      expect(await reopened.get(t, gone.id)).toBeUndefined();
      expect(await reopened.list(t, {})).toEqual(before.list);
      expect(await reopened.revisions(t, kept.id)).toEqual(before.revisions);
      expect(await reopened.queryAudit(t, {})).toEqual(before.audit);
      const replay = await reopened.create(newSubmission(t), auditOf(t, 'create'), {
        key: 'durable-key',
        requestHash: 'h2',
      });
      expect(replay.created).toBe(false);
      expect(replay.submission.id).toBe(kept.id);
      await expect(reopened.update(t, kept.id, change(1), auditOf(t, 'update'))).rejects.toBeInstanceOf(
        RevisionConflictError,
      );
      expect((await reopened.update(t, kept.id, change(2), auditOf(t, 'update'))).revision).toBe(3);
      expect(await reopened.delete(t, held.id, auditOf(t, 'delete'))).toBe(false);
    });
  });
}
