import { describe, expect, it } from 'vitest';
import type { AuditEntry, SubmissionStore } from '@skema/core';
import { auditOf, change, minute, newSubmission, tenant } from './fixtures.js';

export function auditContract(store: () => SubmissionStore): void {
  describe('audit', () => {
    it('records every write with tenant and submission, and appends free entries', async () => {
      const t = tenant();
      const input = newSubmission(t);
      await store().create(input, auditOf(t, 'create', minute(1)));
      await store().update(t, input.id, change(1), auditOf(t, 'update', minute(2)));
      const read = await store().appendAudit(auditOf(t, 'read', minute(3), input.id));
      expect(read).toMatchObject({
        tenantId: t,
        action: 'read',
        submissionId: input.id,
        actor: 'api-key-1',
        at: minute(3),
        details: { note: 'read' },
      });
      expect(typeof read.id).toBe('string');
      const list = await store().appendAudit(auditOf(t, 'list', minute(4)));
      expect(list.submissionId).toBeUndefined();

      const all = await store().queryAudit(t, {});
      expect(all.items.map((e) => e.action)).toEqual(['create', 'update', 'read', 'list']);
      expect(all.items.every((e) => e.tenantId === t)).toBe(true);
      expect(all.items[0]).toMatchObject({ submissionId: input.id, at: minute(1) });
      expect(new Set(all.items.map((e) => e.id)).size).toBe(4);
      expect(all.items[2]).toEqual(read);

      const forSubmission = await store().queryAudit(t, { submissionId: input.id });
      expect(forSubmission.items.map((e) => e.action)).toEqual(['create', 'update', 'read']);
      expect((await store().queryAudit(t, { since: minute(3) })).items.map((e) => e.action)).toEqual(['read', 'list']);
    });

    it('keeps tenants apart', async () => {
      const a = tenant();
      const b = tenant();
      await store().appendAudit(auditOf(a, 'list'));
      await store().appendAudit(auditOf(b, 'list'));
      await store().appendAudit(auditOf(b, 'read'));
      expect((await store().queryAudit(a, {})).items).toHaveLength(1);
      expect((await store().queryAudit(b, {})).items.map((e) => e.tenantId)).toEqual([b, b]);
    });

    it('pages in append order with a cursor', async () => {
      const t = tenant();
      const written: AuditEntry[] = [];
      for (let i = 0; i < 7; i++) written.push(await store().appendAudit(auditOf(t, 'read', minute(i), `s-${i}`)));
      const seen: AuditEntry[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store().queryAudit(t, { limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(written);
    });
  });
}
