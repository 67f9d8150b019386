import { describe, expect, it } from 'vitest';
import { SkemaEngine, FormPluginError } from './engine.js';
import type { FormVersion } from './form.js';
import { formContentHash } from './hash.js';
import type { SkemaPlugin } from './plugin.js';

function makeForm(
  overrides: Partial<FormVersion['manifest']> = {},
  schemaExtra: Record<string, unknown> = {},
): FormVersion {
  const form: Omit<FormVersion, 'hash'> = {
    manifest: {
      id: 'testform',
      version: '1.0.0',
      title: { da: 'Test', en: 'Test' },
      status: 'published',
      plugins: [{ name: 'test-plugin', version: '^1.0.0' }],
      changelog: 'first',
      ...overrides,
    },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://skema.dk/schemas/testform/1.0.0',
      type: 'object',
      properties: {
        navn: { type: 'string', minLength: 1 },
        alder: { type: 'integer', minimum: 0 },
        kode: { type: 'string', format: 'three-letters' },
        dato: { type: 'string', format: 'date' },
        personer: {
          type: 'array',
          items: { type: 'object', properties: { navn: { type: 'string' } }, required: ['navn'] },
        },
      },
      required: ['navn'],
      additionalProperties: false,
      ...schemaExtra,
    },
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: {
      da: { 'navn.label': 'Navn', 'alder.label': 'Alder', 'personer.navn.label': 'Personens navn' },
      en: { 'navn.label': 'Name', 'alder.label': 'Age', 'personer.navn.label': "Person's name" },
    },
  };
  return { ...form, hash: formContentHash(form) };
}

const plugin: SkemaPlugin = {
  name: 'test-plugin',
  version: '1.2.0',
  formats: { 'three-letters': /^[a-z]{3}$/ },
  messages: { 'three-letters': { da: 'skal være tre små bogstaver', en: 'must be three lower-case letters' } },
  rules: [
    {
      id: 'TST-01',
      severity: 'error',
      appliesTo: ['testform'],
      description: { da: 'Alder under 100', en: 'Age below 100' },
      source: 'test',
      message: { da: '«{label}» skal være under {max}', en: '"{label}" must be below {max}' },
      options: { max: { description: { da: 'Grænse', en: 'Limit' }, default: 100 } },
      check(data, ctx) {
        const age = (data as { alder?: number }).alder;
        const max = ctx.options.max as number;
        return typeof age === 'number' && age >= max ? [{ path: '/alder', params: { max } }] : [];
      },
    },
    {
      id: 'TST-02',
      severity: 'warning',
      appliesTo: ['testform'],
      description: { da: 'Kode anbefales', en: 'Code recommended' },
      source: 'test',
      message: { da: 'Kode bør udfyldes', en: 'Code should be filled in' },
      check: (data) => ((data as { kode?: string }).kode ? [] : [{ path: '/kode' }]),
    },
    {
      id: 'TST-03',
      severity: 'error',
      appliesTo: ['otherform'],
      description: { da: 'x', en: 'x' },
      source: 'test',
      message: { da: 'x', en: 'x' },
      check: () => [{ path: '' }],
    },
  ],
  deadlines: [
    {
      id: 'TST-P1',
      appliesTo: ['testform'],
      description: { da: 'Frist', en: 'Deadline' },
      source: 'test',
      derive(data, ctx) {
        const dato = (data as { dato?: string }).dato;
        if (!dato) return [];
        return [
          {
            path: '/dato',
            label: { da: 'Svar', en: 'Reply' },
            due: ctx.calendar.addWorkingDays(dato, 5),
            basis: { from: dato, amount: 5, unit: 'arbejdsdage' },
          },
        ];
      },
    },
  ],
};

describe('SkemaEngine', () => {
  it('reports schema errors with JSON Pointers, codes and Danish labels', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const result = engine.validate(makeForm(), { alder: -1, kode: 'abc', personer: [{}] }, { today: '2026-01-01' });
    expect(result.valid).toBe(false);
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e]));
    expect(byPath['/navn']?.code).toBe('required');
    expect(byPath['/navn']?.messages.da).toBe('«Navn» skal udfyldes');
    expect(byPath['/navn']?.messages.en).toBe('"Name" is required');
    expect(byPath['/alder']?.code).toBe('minimum');
    expect(byPath['/personer/0/navn']?.messages.da).toBe('«Personens navn» skal udfyldes');
  });

  it('uses plugin formats and their messages', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const result = engine.validate(makeForm(), { navn: 'A', kode: 'ABCD' }, { locale: 'en' });
    const issue = result.errors.find((e) => e.path === '/kode');
    expect(issue?.code).toBe('format');
    expect(issue?.message).toBe('"kode" must be three lower-case letters');
  });

  it('runs rules of the form only, with options from defaults, manifest and tenant', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const form = makeForm();
    const ok = engine.validate(form, { navn: 'A', alder: 99, kode: 'abc' });
    expect(ok.valid).toBe(true);
    expect(ok.errors).toEqual([]);
    const bad = engine.validate(form, { navn: 'A', alder: 100, kode: 'abc' });
    expect(bad.errors.map((e) => e.code)).toEqual(['TST-01']);
    expect(bad.errors[0]?.messages.da).toBe('«Alder» skal være under 100');
    const manifestForm = makeForm({
      plugins: [{ name: 'test-plugin', version: '^1.0.0', options: { 'TST-01': { max: 50 } } }],
    });
    expect(engine.validate(manifestForm, { navn: 'A', alder: 60, kode: 'abc' }).valid).toBe(false);
    const tenant = engine.validate(
      manifestForm,
      { navn: 'A', alder: 60, kode: 'abc' },
      { ruleOptions: { 'TST-01': { max: 70 } } },
    );
    expect(tenant.valid).toBe(true);
  });

  it('returns warnings beside a valid result and lets a tenant raise them, never lower errors', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const form = makeForm();
    const warned = engine.validate(form, { navn: 'A' });
    expect(warned.valid).toBe(true);
    expect(warned.warnings.map((w) => w.code)).toEqual(['TST-02']);
    const raised = engine.validate(form, { navn: 'A' }, { ruleOptions: { 'TST-02': { severity: 'error' } } });
    expect(raised.valid).toBe(false);
    const lowered = engine.validate(
      form,
      { navn: 'A', alder: 200, kode: 'abc' },
      { ruleOptions: { 'TST-01': { severity: 'warning' } } },
    );
    expect(lowered.errors.map((e) => e.code)).toEqual(['TST-01']);
  });

  it('checks drafts for types only and runs no rules on them', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const draft = engine.validate(makeForm(), { alder: 500 }, { mode: 'draft' });
    expect(draft.valid).toBe(true);
    const typed = engine.validate(makeForm(), { alder: 'old' }, { mode: 'draft' });
    expect(typed.errors.map((e) => e.code)).toEqual(['type']);
  });

  it('derives deadlines with status', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const r = engine.validate(makeForm(), { navn: 'A', kode: 'abc', dato: '2026-01-02' }, { today: '2026-02-01' });
    expect(r.derived.deadlines).toEqual([
      expect.objectContaining({ ruleId: 'TST-P1', due: '2026-01-09', status: 'overdue' }),
    ]);
  });

  it('writes a receipt naming form, hash and plugins', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const form = makeForm();
    const r = engine.validate(form, { navn: 'A' }, { now: new Date('2026-03-01T10:00:00Z') });
    expect(r.receipt).toEqual({
      formId: 'testform',
      version: '1.0.0',
      schemaHash: form.hash,
      plugins: [{ name: 'test-plugin', version: '1.2.0' }],
      validatedAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('compiles each form once and keeps versions with the same $id apart', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const a = makeForm();
    const b = makeForm({ version: '1.1.0' }, { required: ['navn', 'alder'] });
    expect(engine.compile(a)).toBe(engine.compile(a));
    expect(engine.validate(a, { navn: 'A', kode: 'abc' }).valid).toBe(true);
    expect(engine.validate(b, { navn: 'A', kode: 'abc' }).valid).toBe(false);
  });

  it('refuses a form whose plugin is missing or of the wrong version', () => {
    expect(() => new SkemaEngine().compile(makeForm())).toThrow(FormPluginError);
    const engine = new SkemaEngine({ plugins: [{ ...plugin, version: '2.0.0' }] });
    expect(() => engine.compile(makeForm())).toThrow(/needs test-plugin@\^1.0.0/);
  });

  it('turns a crashing rule into an error instead of accepting the data', () => {
    const crashing: SkemaPlugin = {
      ...plugin,
      rules: [
        {
          ...plugin.rules![0]!,
          check: () => {
            throw new TypeError('boom');
          },
        },
      ],
    };
    const r = new SkemaEngine({ plugins: [crashing] }).validate(makeForm(), { navn: 'A' });
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatchObject({ code: 'TST-01', params: { failure: true } });
  });
});

describe('SkemaEngine issue cap', () => {
  // 0.9 MB of `[1,1,…]` once gave 900 006 errors (282 MB of JSON): the report must stay bounded.
  it('reports at most maxIssues errors (default 100) and counts the rest in truncated', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const data = { navn: 'x', personer: Array.from({ length: 5000 }, () => 1) };
    const result = engine.validate(makeForm(), data, { today: '2026-01-01' });
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(100);
    expect(result.truncated).toEqual({ errors: 5000, warnings: 1 });
    expect(engine.validate(makeForm(), data, { today: '2026-01-01', maxIssues: 3 }).errors).toHaveLength(3);
  });

  it('caps warnings from rules too and leaves truncated out when nothing was cut', () => {
    const engine = new SkemaEngine({ plugins: [plugin] });
    const capped = engine.validate(makeForm(), { navn: 'x' }, { today: '2026-01-01', maxIssues: 0 });
    expect(capped).toMatchObject({ valid: true, errors: [], warnings: [], truncated: { errors: 0, warnings: 1 } });
    const whole = engine.validate(makeForm(), { navn: 'x' }, { today: '2026-01-01' });
    expect(whole.warnings).toHaveLength(1);
    expect('truncated' in whole).toBe(false);
  });
});

describe('SkemaEngine formats', () => {
  it('refuses a form using a format no plugin provides', () => {
    const engine = new SkemaEngine({ plugins: [{ ...plugin, formats: {} }] });
    expect(() => engine.compile(makeForm())).toThrow(/format "three-letters"/);
  });
});
