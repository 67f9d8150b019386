import { contentHash, ImmutableVersionError, type TenantFormRecord } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { createMemoryFormConfigStore } from './memory-form-config-store.js';
import { MemorySubmissionStore } from './memory-store.js';

const record = (over: Partial<TenantFormRecord> = {}): TenantFormRecord => ({
  tenantId: 'nordby',
  kind: 'overlay',
  formId: 'aftaleskema',
  version: '1.0.0',
  status: 'draft',
  document: { b: 1, a: [2, 1] },
  hash: '',
  updatedAt: '2026-06-01T10:00:00.000Z',
  updatedBy: 'nordby-admin',
  ...over,
});
const audit = (action: string, tenantId = 'nordby') =>
  ({ tenantId, at: '2026-06-02T10:00:00.000Z', actor: 'nordby-admin', action }) as never;

describe('createMemoryFormConfigStore', () => {
  it('replaces drafts, then keeps a published version immutable with its content hash', async () => {
    const store = createMemoryFormConfigStore();
    await store.saveFormConfigDraft(record({ document: { old: true } }), audit('form-config.draft'));
    await store.saveFormConfigDraft(record(), audit('form-config.draft'));
    const published = await store.setFormConfigStatus(
      'nordby',
      'overlay',
      'aftaleskema',
      '1.0.0',
      'published',
      audit('form-config.publish'),
    );
    expect(published).toMatchObject({
      status: 'published',
      document: { b: 1, a: [2, 1] },
      hash: contentHash({ b: 1, a: [2, 1] }),
      updatedAt: '2026-06-02T10:00:00.000Z',
    });
    expect(Object.keys(published.document as object)).toEqual(['b', 'a']);
    await expect(store.saveFormConfigDraft(record(), audit('form-config.draft'))).rejects.toThrow(
      ImmutableVersionError,
    );
    await expect(
      store.setFormConfigStatus('nordby', 'overlay', 'aftaleskema', '1.0.0', 'published', audit('x')),
    ).rejects.toThrow(ImmutableVersionError);
    const deprecated = await store.setFormConfigStatus(
      'nordby',
      'overlay',
      'aftaleskema',
      '1.0.0',
      'deprecated',
      audit('form-config.deprecate'),
    );
    expect(deprecated.status).toBe('deprecated');
    await expect(
      store.setFormConfigStatus('nordby', 'overlay', 'aftaleskema', '1.0.0', 'published', audit('x')),
    ).rejects.toThrow(ImmutableVersionError);
    await expect(store.saveFormConfigDraft(record(), audit('form-config.draft'))).rejects.toThrow(
      ImmutableVersionError,
    );
  });

  it('a draft cannot be deprecated; returned records are copies', async () => {
    const store = createMemoryFormConfigStore();
    const saved = await store.saveFormConfigDraft(record(), audit('form-config.draft'));
    (saved.document as Record<string, unknown>).b = 99;
    await expect(
      store.setFormConfigStatus('nordby', 'overlay', 'aftaleskema', '1.0.0', 'deprecated', audit('x')),
    ).rejects.toThrow(ImmutableVersionError);
    expect((await store.getFormConfig('nordby', 'overlay', 'aftaleskema', '1.0.0'))?.document).toEqual({
      b: 1,
      a: [2, 1],
    });
  });

  it('lists only the tenant’s records, sorted by form, kind and semver; other tenants read nothing', async () => {
    const store = createMemoryFormConfigStore();
    for (const r of [
      record({ version: '1.10.0' }),
      record({ version: '1.9.0' }),
      record({ kind: 'form', formId: 'aftaleskema', version: '2.0.0' }),
      record({ formId: 'abc' }),
      record({ tenantId: 'ringsted', version: '5.0.0' }),
    ]) {
      await store.saveFormConfigDraft(r, audit('form-config.draft', r.tenantId));
    }
    expect((await store.listFormConfigs('nordby')).map((r) => `${r.formId} ${r.kind} ${r.version}`)).toEqual([
      'abc overlay 1.0.0',
      'aftaleskema form 2.0.0',
      'aftaleskema overlay 1.9.0',
      'aftaleskema overlay 1.10.0',
    ]);
    expect(await store.getFormConfig('ringsted', 'overlay', 'aftaleskema', '1.9.0')).toBeUndefined();
    await expect(
      store.setFormConfigStatus('ringsted', 'overlay', 'aftaleskema', '1.9.0', 'published', audit('x', 'ringsted')),
    ).rejects.toThrow();
    expect((await store.getFormConfig('nordby', 'overlay', 'aftaleskema', '1.9.0'))?.status).toBe('draft');
  });

  it('appends every save and status change to the shared audit log', async () => {
    const log = new MemorySubmissionStore();
    const store = createMemoryFormConfigStore({ auditLog: log });
    await store.saveFormConfigDraft(record(), audit('form-config.draft'));
    await store.setFormConfigStatus(
      'nordby',
      'overlay',
      'aftaleskema',
      '1.0.0',
      'published',
      audit('form-config.publish'),
    );
    expect((await log.queryAudit('nordby', {})).items.map((e) => e.action)).toEqual([
      'form-config.draft',
      'form-config.publish',
    ]);
    expect((await store.queryAudit('ringsted', {})).items).toEqual([]);
  });
});
