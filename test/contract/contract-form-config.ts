import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormConfigStore } from '@skema/core';
import { ImmutableVersionError, NotFoundError, contentHash } from '@skema/core';
import { tenant } from './fixtures.js';
import type { FormConfigHarness, MakeFormConfigStore } from './form-config-fixtures.js';
import { ACTIONS, configAudit, draft, isConfigEntry, overlayDocument } from './form-config-fixtures.js';
import { formConfigRaceContract } from './contract-form-config-race.js';

export type { FormConfigHarness, MakeFormConfigStore } from './form-config-fixtures.js';

/**
 * The behaviour every FormConfigStore must show (issue #7). Tests share one store and isolate
 * themselves with a fresh tenant each; `reopen` and `another` enable the durability and
 * cross-instance tests.
 */
export function runFormConfigContract(name: string, make: MakeFormConfigStore, options: { durable: boolean }): void {
  describe(`FormConfigStore contract: ${name}`, () => {
    let harness: FormConfigHarness | undefined;
    const h = (): FormConfigHarness => {
      if (!harness) throw new Error('store not created');
      return harness;
    };
    const store = (): FormConfigStore => h().store;
    beforeAll(async () => {
      harness = await make();
    });
    afterAll(async () => {
      await harness?.cleanup();
    });

    it('saves a draft, reads it back and lists it', async () => {
      const t = tenant();
      const doc = overlayDocument(t);
      const saved = await store().saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', doc), configAudit(t, 'draft'));
      const expected = {
        tenantId: t,
        kind: 'overlay',
        formId: 'aftaleskema',
        version: '1.0.0',
        status: 'draft',
        updatedAt: '2025-03-01T09:00:00.000Z',
        updatedBy: 'admin-key-1',
      };
      expect(saved).toMatchObject(expected);
      const got = await store().getFormConfig(t, 'overlay', 'aftaleskema', '1.0.0');
      expect(got).toMatchObject(expected);
      expect(JSON.stringify(got?.document)).toBe(JSON.stringify(doc));
      expect((await store().listFormConfigs(t)).map((r) => [r.kind, r.formId, r.version, r.status])).toEqual([
        ['overlay', 'aftaleskema', '1.0.0', 'draft'],
      ]);
      expect(await store().getFormConfig(t, 'form', 'aftaleskema', '1.0.0')).toBeUndefined();
      expect(await store().getFormConfig(t, 'overlay', 'aftaleskema', '1.0.1')).toBeUndefined();
    });

    it('lists by formId, then kind, then semver version', async () => {
      const t = tenant();
      // Configuration versions are plain major.minor.patch (the overlay schema allows no pre-release tags).
      const keys: Array<['overlay' | 'form', string, string]> = [
        ['overlay', 'b-form', '1.10.0'],
        ['form', 'a-form', '2.0.0'],
        ['overlay', 'b-form', '1.2.0'],
        ['form', 'b-form', '1.0.0'],
        ['overlay', 'b-form', '1.2.10'],
        ['overlay', 'b-form', '0.9.0'],
        ['overlay', 'b-form', '1.2.2'],
        ['form', 'a-form', '10.0.0'],
      ];
      for (const [kind, formId, version] of keys) {
        await store().saveFormConfigDraft(
          draft(t, formId, version, { formId, version }, kind),
          configAudit(t, 'draft'),
        );
      }
      expect((await store().listFormConfigs(t)).map((r) => `${r.formId} ${r.kind} ${r.version}`)).toEqual([
        'a-form form 2.0.0',
        'a-form form 10.0.0',
        'b-form form 1.0.0',
        'b-form overlay 0.9.0',
        'b-form overlay 1.2.0',
        'b-form overlay 1.2.2',
        'b-form overlay 1.2.10',
        'b-form overlay 1.10.0',
      ]);
    });

    it('stores timestamps as ISO-8601 UTC with milliseconds, whatever offset the caller used', async () => {
      const t = tenant();
      const saved = await store().saveFormConfigDraft(
        { ...draft(t, 'aftaleskema', '1.0.0', { n: 1 }), updatedAt: '2025-03-01T10:00:00+01:00' },
        configAudit(t, 'draft'),
      );
      expect(saved.updatedAt).toBe('2025-03-01T09:00:00.000Z');
      expect((await store().getFormConfig(t, 'overlay', 'aftaleskema', '1.0.0'))?.updatedAt).toBe(
        '2025-03-01T09:00:00.000Z',
      );
      const published = await store().setFormConfigStatus(
        t,
        'overlay',
        'aftaleskema',
        '1.0.0',
        'published',
        configAudit(t, 'publish', '2025-03-02T00:30:00+02:00'),
      );
      expect(published.updatedAt).toBe('2025-03-01T22:30:00.000Z');
      expect((await store().listFormConfigs(t))[0]?.updatedAt).toBe('2025-03-01T22:30:00.000Z');
      expect((await h().audit(t)).filter(isConfigEntry).map((e) => e.at)).toEqual([
        '2025-03-01T09:30:00.000Z',
        '2025-03-01T22:30:00.000Z',
      ]);
    });

    it('replaces a draft', async () => {
      const t = tenant();
      await store().saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', overlayDocument(t)), configAudit(t, 'draft'));
      const second = overlayDocument(t, 'aftaleskema', '1.0.0', 'anden');
      const replaced = await store().saveFormConfigDraft(
        { ...draft(t, 'aftaleskema', '1.0.0', second), updatedBy: 'admin-key-2' },
        configAudit(t, 'draft'),
      );
      expect(replaced).toMatchObject({ status: 'draft', updatedBy: 'admin-key-2' });
      const got = await store().getFormConfig(t, 'overlay', 'aftaleskema', '1.0.0');
      expect(JSON.stringify(got?.document)).toBe(JSON.stringify(second));
      expect(got?.updatedBy).toBe('admin-key-2');
      expect(await store().listFormConfigs(t)).toHaveLength(1);
    });

    it('publishing records the content hash and keeps the document byte for byte', async () => {
      const t = tenant();
      const doc = overlayDocument(t);
      const text = JSON.stringify(doc);
      await store().saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', doc), configAudit(t, 'draft'));
      const published = await store().setFormConfigStatus(
        t,
        'overlay',
        'aftaleskema',
        '1.0.0',
        'published',
        configAudit(t, 'publish', '2025-03-02T08:00:00.000Z', 'admin-key-3'),
      );
      expect(published).toMatchObject({
        status: 'published',
        hash: contentHash(doc),
        updatedAt: '2025-03-02T08:00:00.000Z',
        updatedBy: 'admin-key-3',
      });
      expect(JSON.stringify(published.document)).toBe(text);
      const got = await store().getFormConfig(t, 'overlay', 'aftaleskema', '1.0.0');
      expect(got).toMatchObject({ status: 'published', hash: contentHash(doc) });
      expect(JSON.stringify(got?.document)).toBe(text);
      expect(JSON.stringify((await store().listFormConfigs(t))[0]?.document)).toBe(text);
    });

    it('keeps published and deprecated versions immutable and allows only draft → published → deprecated', async () => {
      const t = tenant();
      const doc = overlayDocument(t);
      const key = [t, 'overlay', 'aftaleskema', '1.0.0'] as const;
      await store().saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', doc), configAudit(t, 'draft'));
      await expect(
        store().setFormConfigStatus(...key, 'deprecated', configAudit(t, 'deprecate')),
      ).rejects.toBeInstanceOf(ImmutableVersionError);
      expect((await store().getFormConfig(...key))?.status).toBe('draft');
      await store().setFormConfigStatus(...key, 'published', configAudit(t, 'publish'));
      const changed = overlayDocument(t, 'aftaleskema', '1.0.0', 'ændret');
      await expect(
        store().saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', changed), configAudit(t, 'draft')),
      ).rejects.toBeInstanceOf(ImmutableVersionError);
      await expect(store().setFormConfigStatus(...key, 'published', configAudit(t, 'publish'))).rejects.toBeInstanceOf(
        ImmutableVersionError,
      );
      // 'draft' is excluded by the type; a caller that casts still cannot move a version back.
      await expect(
        store().setFormConfigStatus(...key, 'draft' as 'published', configAudit(t, 'publish')),
      ).rejects.toBeInstanceOf(ImmutableVersionError);
      const published = await store().getFormConfig(...key);
      expect(published).toMatchObject({ status: 'published', hash: contentHash(doc) });
      expect(JSON.stringify(published?.document)).toBe(JSON.stringify(doc));

      const deprecated = await store().setFormConfigStatus(...key, 'deprecated', configAudit(t, 'deprecate'));
      expect(deprecated).toMatchObject({ status: 'deprecated', hash: contentHash(doc) });
      expect(JSON.stringify(deprecated.document)).toBe(JSON.stringify(doc));
      await expect(
        store().saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', changed), configAudit(t, 'draft')),
      ).rejects.toBeInstanceOf(ImmutableVersionError);
      await expect(store().setFormConfigStatus(...key, 'published', configAudit(t, 'publish'))).rejects.toBeInstanceOf(
        ImmutableVersionError,
      );
      await expect(
        store().setFormConfigStatus(...key, 'deprecated', configAudit(t, 'deprecate')),
      ).rejects.toBeInstanceOf(ImmutableVersionError);
      expect(await store().getFormConfig(...key)).toMatchObject({ status: 'deprecated', hash: contentHash(doc) });
      // Another version of the same config is a new key and starts as a draft.
      await store().saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.1', changed), configAudit(t, 'draft'));
      expect((await store().listFormConfigs(t)).map((r) => `${r.version} ${r.status}`)).toEqual([
        '1.0.0 deprecated',
        '1.0.1 draft',
      ]);
      // Filtered by status (what is live is read after every publication; drafts are left unread).
      expect(
        (await store().listFormConfigs(t, { statuses: ['published', 'deprecated'] })).map(
          (r) => `${r.version} ${r.status}`,
        ),
      ).toEqual(['1.0.0 deprecated']);
      expect(
        (await store().listFormConfigs(t, { statuses: ['draft'] })).map((r) => `${r.version} ${r.status}`),
      ).toEqual(['1.0.1 draft']);
      expect(await store().listFormConfigs(t, { statuses: [] })).toEqual([]);
    });

    it('refuses a status change of a version that does not exist', async () => {
      const t = tenant();
      await expect(
        store().setFormConfigStatus(t, 'overlay', 'aftaleskema', '9.9.9', 'published', configAudit(t, 'publish')),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await store().listFormConfigs(t)).toEqual([]);
    });

    it('never lets one tenant read or change another tenant’s records', async () => {
      const a = tenant();
      const b = tenant();
      const docA = overlayDocument(a);
      await store().saveFormConfigDraft(draft(a, 'aftaleskema', '1.0.0', docA), configAudit(a, 'draft'));
      await store().saveFormConfigDraft(draft(a, 'aftaleskema', '2.0.0', docA), configAudit(a, 'draft'));
      await store().setFormConfigStatus(a, 'overlay', 'aftaleskema', '2.0.0', 'published', configAudit(a, 'publish'));

      expect(await store().listFormConfigs(b)).toEqual([]);
      expect(await store().getFormConfig(b, 'overlay', 'aftaleskema', '1.0.0')).toBeUndefined();
      expect(await store().getFormConfig(b, 'overlay', 'aftaleskema', '2.0.0')).toBeUndefined();
      await expect(
        store().setFormConfigStatus(b, 'overlay', 'aftaleskema', '1.0.0', 'published', configAudit(b, 'publish')),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        store().setFormConfigStatus(b, 'overlay', 'aftaleskema', '2.0.0', 'deprecated', configAudit(b, 'deprecate')),
      ).rejects.toBeInstanceOf(NotFoundError);
      // The same key under tenant B is B's own record; A's stays as it was.
      const docB = overlayDocument(b, 'aftaleskema', '2.0.0', 'b');
      await store().saveFormConfigDraft(draft(b, 'aftaleskema', '2.0.0', docB), configAudit(b, 'draft'));
      expect((await store().listFormConfigs(b)).map((r) => `${r.tenantId} ${r.version} ${r.status}`)).toEqual([
        `${b} 2.0.0 draft`,
      ]);
      expect((await store().listFormConfigs(a)).map((r) => `${r.tenantId} ${r.version} ${r.status}`)).toEqual([
        `${a} 1.0.0 draft`,
        `${a} 2.0.0 published`,
      ]);
      expect(JSON.stringify((await store().getFormConfig(a, 'overlay', 'aftaleskema', '2.0.0'))?.document)).toBe(
        JSON.stringify(docA),
      );
      expect((await h().audit(b)).filter(isConfigEntry).every((e) => e.tenantId === b)).toBe(true);
      expect((await h().audit(b)).filter(isConfigEntry)).toHaveLength(1);
    });

    it('appends one audit entry per save and status change, none for a refused one', async () => {
      const t = tenant();
      const doc = overlayDocument(t);
      await store().saveFormConfigDraft(
        draft(t, 'aftaleskema', '1.0.0', doc),
        configAudit(t, 'draft', '2025-03-01T09:00:00.000Z'),
      );
      await store().saveFormConfigDraft(
        draft(t, 'aftaleskema', '1.0.0', doc),
        configAudit(t, 'draft', '2025-03-01T09:01:00.000Z'),
      );
      await store().setFormConfigStatus(
        t,
        'overlay',
        'aftaleskema',
        '1.0.0',
        'published',
        configAudit(t, 'publish', '2025-03-01T09:02:00.000Z', 'admin-key-2'),
      );
      await expect(
        store().saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', doc), configAudit(t, 'draft')),
      ).rejects.toBeInstanceOf(ImmutableVersionError);
      await expect(
        store().setFormConfigStatus(t, 'overlay', 'aftaleskema', '1.0.0', 'published', configAudit(t, 'publish')),
      ).rejects.toBeInstanceOf(ImmutableVersionError);
      await store().setFormConfigStatus(
        t,
        'overlay',
        'aftaleskema',
        '1.0.0',
        'deprecated',
        configAudit(t, 'deprecate', '2025-03-01T09:03:00.000Z'),
      );
      const entries = (await h().audit(t)).filter(isConfigEntry);
      expect(entries.map((e) => [e.action, e.actor, e.at])).toEqual([
        [ACTIONS.draft, 'admin-key-1', '2025-03-01T09:00:00.000Z'],
        [ACTIONS.draft, 'admin-key-1', '2025-03-01T09:01:00.000Z'],
        [ACTIONS.publish, 'admin-key-2', '2025-03-01T09:02:00.000Z'],
        [ACTIONS.deprecate, 'admin-key-1', '2025-03-01T09:03:00.000Z'],
      ]);
      for (const e of entries) expect(e).toMatchObject({ tenantId: t, id: expect.any(String) });
      expect(new Set(entries.map((e) => e.id)).size).toBe(4);
    });

    // Only stores with storage to re-open are asked to survive it (the memory store has none).
    if (options.durable) {
      it('keeps records, statuses, hashes and documents across close and re-open', async () => {
        const t = tenant();
        const doc = overlayDocument(t);
        await store().saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', doc), configAudit(t, 'draft'));
        await store().setFormConfigStatus(t, 'overlay', 'aftaleskema', '1.0.0', 'published', configAudit(t, 'publish'));
        await store().saveFormConfigDraft(
          draft(t, 'aftaleskema', '1.1.0', { draftOnly: true }, 'overlay'),
          configAudit(t, 'draft'),
        );
        const before = await store().listFormConfigs(t);
        const reopened = await h().reopen?.();
        if (!reopened) throw new Error('a durable store must be able to re-open');
        const after = await reopened.listFormConfigs(t);
        expect(after).toEqual(before);
        expect(after.map((r) => JSON.stringify(r.document))).toEqual([JSON.stringify(doc), '{"draftOnly":true}']);
        expect(after[0]?.hash).toBe(contentHash(doc));
        await expect(
          reopened.saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', {}), configAudit(t, 'draft')),
        ).rejects.toBeInstanceOf(ImmutableVersionError);
        expect((await h().audit(t)).filter(isConfigEntry).map((e) => e.action)).toEqual([
          ACTIONS.draft,
          ACTIONS.publish,
          ACTIONS.draft,
        ]);
      });
    }

    formConfigRaceContract(h);
  });
}
