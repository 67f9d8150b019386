import { describe, expect, it } from 'vitest';
import type { SubmissionStore } from '@skema/core';
import type { StoreHarness } from './fixtures.js';
import { auditOf, change, newSubmission, sampleData, tenant } from './fixtures.js';

/**
 * `verifyAudit()` (issue #11): every store checks its whole audit chain and counts what it checked.
 * Damage is store-specific (a file, a row) and tested beside each store; here, that the chain stays
 * whole through every kind of write, failed ones and parallel ones included, and through a re-open.
 */
export function auditChainContract(store: () => SubmissionStore, harness: () => StoreHarness, durable: boolean): void {
  describe('audit chain', () => {
    it('verifies whole after every kind of write, and counts each entry', async () => {
      const before = await store().verifyAudit();
      expect(before).toMatchObject({ ok: true });
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create'));
      await store().update(t, input.id, change(1), auditOf(t, 'update'));
      await store()
        .update(t, input.id, change(1), auditOf(t, 'update'))
        .catch(() => undefined); // a conflict writes nothing
      await store().appendAudit(auditOf(t, 'read', undefined, input.id));
      await store().delete(t, input.id, auditOf(t, 'delete'));
      const after = await store().verifyAudit();
      expect(after.damage).toBeUndefined();
      expect(after.ok).toBe(true);
      expect(after.checked).toBeGreaterThanOrEqual(before.checked + 4);
    });

    it('stays whole under parallel writes of several tenants', async () => {
      const tenants = [tenant(), tenant(), tenant()];
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => {
          const t = tenants[i % 3] as string;
          return i % 2 === 0
            ? store().create(newSubmission(t, { data: sampleData(i) }), auditOf(t, 'create'))
            : store().appendAudit(auditOf(t, 'list'));
        }),
      );
      expect(await store().verifyAudit()).toMatchObject({ ok: true });
      for (const t of tenants) expect((await store().queryAudit(t, {})).items).toHaveLength(10);
    });

    if (durable) {
      it('verifies whole after a re-open', async () => {
        const t = tenant();
        await store().appendAudit(auditOf(t, 'list'));
        const reopened = await (harness().reopen as () => Promise<SubmissionStore>)();
        expect(await reopened.verifyAudit()).toMatchObject({ ok: true });
        expect((await reopened.queryAudit(t, {})).items).toHaveLength(1);
      });
    }
  });
}
