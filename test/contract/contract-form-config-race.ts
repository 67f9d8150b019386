import { describe, expect, it } from 'vitest';
import type { FormConfigStore } from '@skema/core';
import { ImmutableVersionError, contentHash } from '@skema/core';
import { tenant } from './fixtures.js';
import type { FormConfigHarness } from './form-config-fixtures.js';
import { ACTIONS, configAudit, draft, isConfigEntry, overlayDocument } from './form-config-fixtures.js';

/** Concurrent writers: one store object, and (when the harness offers it) a second instance on the same storage. */
export function formConfigRaceContract(h: () => FormConfigHarness): void {
  describe('concurrent writers', () => {
    const writers = async (): Promise<FormConfigStore[]> => {
      const other = await h().another?.();
      return other ? [h().store, other] : [h().store];
    };

    it('publishes a draft exactly once when several publishes race', async () => {
      const t = tenant();
      const doc = overlayDocument(t);
      const stores = await writers();
      await h().store.saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', doc), configAudit(t, 'draft'));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          (stores[i % stores.length] as FormConfigStore).setFormConfigStatus(
            t,
            'overlay',
            'aftaleskema',
            '1.0.0',
            'published',
            configAudit(t, 'publish', undefined, `admin-${i}`),
          ),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ImmutableVersionError);
      for (const store of stores) {
        const got = await store.getFormConfig(t, 'overlay', 'aftaleskema', '1.0.0');
        expect(got).toMatchObject({ status: 'published', hash: contentHash(doc), updatedBy: won[0]?.value.updatedBy });
        expect(JSON.stringify(got?.document)).toBe(JSON.stringify(doc));
      }
      expect((await h().audit(t)).filter(isConfigEntry).map((e) => e.action)).toEqual([ACTIONS.draft, ACTIONS.publish]);
    });

    it('never publishes a document under another document’s hash when saves race a publish', async () => {
      const t = tenant();
      const stores = await writers();
      const docs = Array.from({ length: 6 }, (_, i) => overlayDocument(t, 'aftaleskema', '1.0.0', `udgave ${i}`));
      await h().store.saveFormConfigDraft(draft(t, 'aftaleskema', '1.0.0', docs[0]), configAudit(t, 'draft'));
      const saves = docs.map((doc, i) =>
        (stores[i % stores.length] as FormConfigStore).saveFormConfigDraft(
          draft(t, 'aftaleskema', '1.0.0', doc),
          configAudit(t, 'draft'),
        ),
      );
      const publish = (stores.at(-1) as FormConfigStore).setFormConfigStatus(
        t,
        'overlay',
        'aftaleskema',
        '1.0.0',
        'published',
        configAudit(t, 'publish'),
      );
      // The publish sits fourth among the writes, all in flight together.
      const writes = [...saves.slice(0, 3), publish, ...saves.slice(3)];
      const outcomes = await Promise.allSettled(writes);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ImmutableVersionError);
      expect(outcomes[3]?.status).toBe('fulfilled');

      const final = await h().store.getFormConfig(t, 'overlay', 'aftaleskema', '1.0.0');
      expect(final?.status).toBe('published');
      const text = JSON.stringify(final?.document);
      expect(docs.map((d) => JSON.stringify(d))).toContain(text);
      expect(final?.hash).toBe(contentHash(final?.document));
      // Every draft save that landed did so before the publish, never after it.
      const actions = (await h().audit(t)).filter(isConfigEntry).map((e) => String(e.action));
      expect(actions.at(-1)).toBe(ACTIONS.publish);
      const savedDrafts = outcomes.filter((o, i) => i !== 3 && o.status === 'fulfilled').length;
      expect(actions.filter((a) => a === ACTIONS.draft)).toHaveLength(1 + savedDrafts);
    });

    it('keeps every record when many versions are saved and published at once', async () => {
      const t = tenant();
      const stores = await writers();
      const versions = Array.from({ length: 12 }, (_, i) => `1.${i}.0`);
      await Promise.all(
        versions.map(async (v, i) => {
          const store = stores[i % stores.length] as FormConfigStore;
          await store.saveFormConfigDraft(draft(t, 'aftaleskema', v, { v }), configAudit(t, 'draft'));
          if (i % 2 === 0)
            await store.setFormConfigStatus(t, 'overlay', 'aftaleskema', v, 'published', configAudit(t, 'publish'));
        }),
      );
      const list = await h().store.listFormConfigs(t);
      expect(list.map((r) => `${r.version} ${r.status}`)).toEqual(
        versions.map((v, i) => `${v} ${i % 2 === 0 ? 'published' : 'draft'}`),
      );
      for (const r of list) expect(r.document).toEqual({ v: r.version });
      expect((await h().audit(t)).filter(isConfigEntry)).toHaveLength(18);
    });
  });
}
