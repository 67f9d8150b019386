import { describe, expect, it } from 'vitest';
import { createCaseContext, type CaseDocument } from './case-context.js';
import { SkemaEngine } from './engine.js';
import type { FormVersion } from './form.js';
import { formContentHash } from './hash.js';
import type { SkemaPlugin } from './plugin.js';

const doc = (
  id: string,
  formId: string,
  updatedAt: string,
  status: CaseDocument['status'] = 'submitted',
): CaseDocument => ({ id, formId, version: '1.0.0', status, data: { id }, updatedAt });

describe('createCaseContext', () => {
  it('gives the most recently changed submission per form, leaving out withdrawn, rejected and the one validated', () => {
    const ctx = createCaseContext(
      'c',
      [
        doc('a', 'f', '2026-01-01T00:00:00Z'),
        doc('b', 'f', '2026-02-01T00:00:00Z'),
        doc('c', 'f', '2026-03-01T00:00:00Z', 'withdrawn'),
        doc('d', 'g', '2026-01-01T00:00:00Z'),
      ],
      [],
      'd',
    );
    expect(ctx.latest('f')?.id).toBe('b');
    expect(ctx.all('f').map((d) => d.id)).toEqual(['b', 'a']);
    expect(ctx.latest('g')).toBeUndefined();
  });
});

const form = (() => {
  const f: Omit<FormVersion, 'hash'> = {
    manifest: {
      id: 'cross',
      version: '1.0.0',
      title: { da: 'x', en: 'x' },
      status: 'published',
      plugins: [{ name: 'cross', version: '^1.0.0' }],
      changelog: 'x',
    },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://skema.dk/t/cross',
      type: 'object',
    },
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: { da: {}, en: {} },
  };
  return { ...f, hash: formContentHash(f) };
})();

const plugin: SkemaPlugin = {
  name: 'cross',
  version: '1.0.0',
  rules: [
    {
      id: 'X-01',
      severity: 'error',
      appliesTo: ['cross'],
      description: { da: 'x', en: 'x' },
      source: 'test',
      message: { da: 'Mangler {n}', en: 'Missing {n}' },
      check: (_data, ctx) =>
        ctx.case
          ? ctx.case.latest('other')
            ? []
            : [{ path: '', params: { n: 'other' } }]
          : [{ path: '', unchecked: true }],
    },
  ],
};

describe('cross-form rules in the engine', () => {
  const engine = new SkemaEngine({ plugins: [plugin] });

  it('passes the case to rules: an error in a case without the other form, valid with it', () => {
    expect(engine.validate(form, {}, { case: createCaseContext('c', []) }).errors.map((e) => e.code)).toEqual(['X-01']);
    expect(
      engine.validate(form, {}, { case: createCaseContext('c', [doc('o', 'other', '2026-01-01T00:00:00Z')]) }).valid,
    ).toBe(true);
  });

  it('reports a check that could not run outside a case as a warning, or at the rule’s severity with requireCase', () => {
    const outside = engine.validate(form, {});
    expect(outside.valid).toBe(true);
    expect(outside.warnings.map((w) => w.code)).toEqual(['X-01']);
    const strict = engine.validate(form, {}, { ruleOptions: { 'X-01': { requireCase: true } } });
    expect(strict.errors.map((e) => e.code)).toEqual(['X-01']);
  });
});
