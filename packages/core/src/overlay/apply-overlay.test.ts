import { describe, expect, it } from 'vitest';
import { SkemaEngine } from '../engine.js';
import type { FormVersion } from '../form.js';
import { formContentHash } from '../hash.js';
import type { SkemaPlugin } from '../plugin.js';
import { sensitiveFields } from '../sensitive/index.js';
import { applyOverlay } from './apply-overlay.js';

const plugin: SkemaPlugin = {
  name: 'p',
  version: '1.0.0',
  rules: [
    {
      id: 'W-01',
      severity: 'warning',
      appliesTo: ['f'],
      description: { da: 'd', en: 'd' },
      source: 's',
      message: { da: 'Noter bør udfyldes', en: 'Notes should be filled in' },
      check: (d) => ((d as { noter?: string }).noter ? [] : [{ path: '/noter' }]),
    },
    {
      id: 'E-01',
      severity: 'error',
      appliesTo: ['f'],
      description: { da: 'd', en: 'd' },
      source: 's',
      message: { da: 'x', en: 'x' },
      check: () => [],
    },
  ],
};

function base(): FormVersion {
  const f: Omit<FormVersion, 'hash'> = {
    manifest: {
      id: 'f',
      version: '1.2.0',
      title: { da: 'F', en: 'F' },
      status: 'published',
      plugins: [{ name: 'p', version: '^1.0.0' }],
      changelog: 'x',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['navn'],
      properties: {
        navn: { type: 'string', maxLength: 100 },
        noter: { type: 'string' },
        type: { type: 'string', enum: ['a', 'b', 'c'] },
        leder: { $ref: '#/$defs/person' },
        personer: { type: 'array', items: { $ref: '#/$defs/person' } },
      },
      $defs: {
        person: {
          type: 'object',
          additionalProperties: false,
          properties: { navn: { type: 'string' }, mail: { type: 'string' } },
        },
      },
    },
    uischema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/navn' },
        { type: 'Control', scope: '#/properties/noter' },
        {
          type: 'Control',
          scope: '#/properties/personer',
          options: {
            detail: {
              type: 'VerticalLayout',
              elements: [
                { type: 'Control', scope: '#/properties/navn' },
                { type: 'Control', scope: '#/properties/mail' },
              ],
            },
          },
        },
      ],
    },
    i18n: {
      da: { 'navn.label': 'Navn', 'noter.label': 'Noter', 'type.a': 'a' },
      en: { 'navn.label': 'Name', 'noter.label': 'Notes', 'type.a': 'a' },
    },
  };
  return { ...f, hash: formContentHash(f) };
}

const overlay = (extra: Record<string, unknown> = {}) => ({
  tenantId: 'ringsted',
  formId: 'f',
  version: '1.0.0',
  baseVersion: '^1.0.0',
  ...extra,
});
const engine = new SkemaEngine({ plugins: [plugin] });

describe('applyOverlay', () => {
  it('changes texts, requires optional fields and tightens constraints', () => {
    const { form, problems } = applyOverlay(
      base(),
      overlay({
        texts: { da: { 'navn.label': 'Barnets navn' } },
        require: ['/noter', '/leder/mail'],
        constraints: { '/navn': { maxLength: 10 }, '/type': { enum: ['a', 'b'] } },
      }),
    );
    expect(problems).toEqual([]);
    const r = engine.validate(form!, { navn: 'Alexander Testesen', type: 'c', leder: {} });
    expect(r.errors.map((e) => `${e.code} ${e.path}`).sort()).toEqual([
      'enum /type',
      'maxLength /navn',
      'required /leder/mail',
      'required /noter',
    ]);
    expect(r.errors.find((e) => e.path === '/navn')?.messages.da).toBe('«Barnets navn» må højst være 10 tegn');
    // The $def shared with the array items is untouched: only the leder got the requirement.
    expect(engine.validate(form!, { navn: 'A', noter: 'n', leder: { mail: 'x' }, personer: [{}] }).valid).toBe(true);
  });

  it('DP-02: tags a base field as sensitive (a tenant may add a tag, the base form keeps none)', () => {
    const { form, problems } = applyOverlay(
      base(),
      overlay({ constraints: { '/noter': { 'x-skema-sensitive': ['sociale-forhold'] } } }),
    );
    expect(problems).toEqual([]);
    expect(sensitiveFields(form!.schema)).toContainEqual({ pointer: '/noter', categories: ['sociale-forhold'] });
    expect(sensitiveFields(base().schema).map((f) => f.pointer)).not.toContain('/noter');
    expect(engine.validate(form!, { navn: 'A', noter: 'Vold i hjemmet' }).valid).toBe(true);
  });

  it('gives the effective form its own hash and puts base and overlay versions in the receipt', () => {
    const { form } = applyOverlay(base(), overlay({ version: '2.1.0' }));
    expect(form!.hash).not.toBe(base().hash);
    const r = engine.validate(form!, { navn: 'A', noter: 'x' });
    expect(r.receipt).toMatchObject({
      formId: 'f',
      version: '1.2.0',
      overlay: { tenantId: 'ringsted', version: '2.1.0' },
    });
  });

  it('hides optional fields, including inside array items, and refuses hiding required ones', () => {
    const { form } = applyOverlay(base(), overlay({ hide: ['/noter', '/personer/*/mail'] }));
    const ui = JSON.stringify(form!.uischema);
    expect(ui).not.toContain('#/properties/noter');
    expect(ui).not.toContain('#/properties/mail');
    expect(ui).toContain('#/properties/personer');
    expect(applyOverlay(base(), overlay({ hide: ['/navn'] })).problems[0]?.message).toMatch(
      /required and cannot be hidden/,
    );
  });

  it('adds tenant fields under x-<tenant> with their texts', () => {
    const fields = { properties: { skolenavn: { type: 'string', minLength: 1 } }, required: ['skolenavn'] };
    const missingText = applyOverlay(base(), overlay({ fields }));
    expect(missingText.problems.map((p) => p.message)).toContain(
      'The tenant field skolenavn needs the text "x-ringsted.skolenavn.label"',
    );
    const { form } = applyOverlay(
      base(),
      overlay({
        fields,
        texts: { da: { 'x-ringsted.skolenavn.label': 'Skole' }, en: { 'x-ringsted.skolenavn.label': 'School' } },
      }),
    );
    const r = engine.validate(form!, { navn: 'A', noter: 'x', 'x-ringsted': {} });
    expect(r.errors.map((e) => e.path)).toEqual(['/x-ringsted/skolenavn']);
    expect(r.errors[0]?.messages.da).toBe('«Skole» skal udfyldes');
  });

  it('puts tenant fields of a form in steps (Categorization) in a step of their own, so the form still renders', () => {
    const stepped = base();
    const categorized = {
      ...stepped,
      uischema: {
        type: 'Categorization',
        elements: [{ type: 'Category', label: 'Trin 1', elements: stepped.uischema.elements }],
      },
    };
    const fields = { properties: { skolenavn: { type: 'string' } } };
    const { form } = applyOverlay(
      categorized,
      overlay({
        fields,
        texts: { da: { 'x-ringsted.skolenavn.label': 'Skole' }, en: { 'x-ringsted.skolenavn.label': 'School' } },
      }),
    );
    const steps = (
      form!.uischema as { elements: Array<{ type: string; i18n?: string; elements: Array<{ type: string }> }> }
    ).elements;
    expect(steps.map((e) => e.type)).toEqual(['Category', 'Category']);
    expect(steps[1]).toMatchObject({
      i18n: 'sections.x-ringsted',
      elements: [
        { type: 'Group', elements: [{ type: 'Control', scope: '#/properties/x-ringsted/properties/skolenavn' }] },
      ],
    });
  });

  it('raises a warning to an error, and refuses lowering an error', () => {
    const { form } = applyOverlay(base(), overlay({ ruleOptions: { 'W-01': { severity: 'error' } } }), plugin.rules);
    expect(engine.validate(form!, { navn: 'A' }).errors.map((e) => e.code)).toEqual(['W-01']);
    expect(engine.validate(base(), { navn: 'A' }).warnings.map((e) => e.code)).toEqual(['W-01']);
    const lowered = applyOverlay(base(), overlay({ ruleOptions: { 'E-01': { severity: 'warning' } } }), plugin.rules);
    expect(lowered.problems[0]?.message).toMatch(/cannot be lowered/);
  });

  it('refuses anything else with a clear message', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ schema: {} }, /"schema" cannot be configured/],
      [{ texts: { da: { 'ukendt.label': 'x' } } }, /Unknown text key "ukendt.label"/],
      [{ constraints: { '/type': { enum: ['a', 'z'] } } }, /cannot be added or renamed: z/],
      [{ constraints: { '/navn': { default: 'x' } } }, /cannot be configured/],
      [{ require: ['/findesIkke'] }, /not a field/],
      [{ baseVersion: '^2.0.0' }, /does not satisfy/],
      [{ fields: { properties: { x: { type: 'string', pattern: '^(a+)+$' } } } }, /backtrack/],
      [{ fields: { properties: { x: { $ref: 'https://evil.example/s.json' } } } }, /Only local references/],
    ];
    for (const [extra, message] of cases) {
      const { form, problems } = applyOverlay(base(), overlay(extra));
      expect(form).toBeUndefined();
      expect(problems.map((p) => p.message).join('\n')).toMatch(message);
    }
  });
});

describe('overlay problems', () => {
  const refused = (extra: Record<string, unknown>) => applyOverlay(base(), overlay(extra), plugin.rules).problems;

  it('name the field, carry a stable code and say it in Danish and English', () => {
    const cases: Array<[Record<string, unknown>, { path: string; code: string; da: string; en: string }]> = [
      [
        { schema: {} },
        {
          path: '/schema',
          code: 'overlay-not-configurable',
          da: '«schema» kan ikke indstilles i en tilpasning (overlay).',
          en: '"schema" cannot be configured in an overlay',
        },
      ],
      [
        { require: ['/findesIkke'] },
        {
          path: '/require/0',
          code: 'overlay-unknown-field',
          da: '/findesIkke er ikke et felt i f.',
          en: '/findesIkke is not a field of f',
        },
      ],
      [
        { hide: ['/navn'] },
        {
          path: '/hide/0',
          code: 'overlay-hide-required',
          da: '/navn skal udfyldes og kan derfor ikke skjules.',
          en: '/navn is required and cannot be hidden',
        },
      ],
      [
        { constraints: { '/type': { enum: ['a', 'z'] } } },
        {
          path: '/constraints/~1type/enum',
          code: 'overlay-enum-extended',
          da: 'Svarmuligheder kan ikke tilføjes eller omdøbes: z.',
          en: 'Enumeration values cannot be added or renamed: z',
        },
      ],
      [
        { baseVersion: '^2.0.0' },
        {
          path: '/baseVersion',
          code: 'overlay-base-version-mismatch',
          da: 'f version 1.2.0 passer ikke til baseVersion «^2.0.0».',
          en: 'f@1.2.0 does not satisfy ^2.0.0',
        },
      ],
      [
        { texts: { da: { 'ukendt.label': 'x' } } },
        {
          path: '/texts/da/ukendt.label',
          code: 'overlay-unknown-text',
          da: 'f har ingen tekst med nøglen «ukendt.label».',
          en: 'Unknown text key "ukendt.label" in f',
        },
      ],
      [
        { ruleOptions: { 'E-01': { severity: 'warning' } } },
        {
          path: '/ruleOptions/E-01/severity',
          code: 'rule-option-lowered',
          da: 'E-01 er et lovkrav (fejl) og kan ikke sænkes til en advarsel.',
          en: 'E-01 is a legal requirement (error) and cannot be lowered to a warning',
        },
      ],
      [
        { version: '1.0' },
        {
          path: '/version',
          code: 'overlay-invalid',
          da: '/version har ikke det krævede format.',
          en: '/version does not have the required format',
        },
      ],
    ];
    for (const [extra, expected] of cases) {
      const [problem, ...rest] = refused(extra);
      expect(rest).toEqual([]);
      expect(problem).toEqual({
        path: expected.path,
        code: expected.code,
        message: expected.en,
        messages: { da: expected.da, en: expected.en },
      });
    }
  });

  it('a missing member and a missing tenant field text point at where they belong', () => {
    const { tenantId: _t, ...withoutTenant } = overlay();
    expect(applyOverlay(base(), withoutTenant).problems).toEqual([
      {
        path: '/tenantId',
        code: 'overlay-required',
        message: '/tenantId is required in an overlay',
        messages: { da: '/tenantId skal udfyldes i tilpasningen.', en: '/tenantId is required in an overlay' },
      },
    ]);
    const fields = { properties: { skolenavn: { type: 'string' } } };
    const problems = refused({ fields, texts: { da: { 'x-ringsted.skolenavn.label': 'Skole' } } });
    expect(problems.map((p) => [p.path, p.code, p.messages.da])).toEqual([
      [
        '/texts/en/x-ringsted.skolenavn.label',
        'overlay-field-text-missing',
        'Kommunens eget felt skolenavn mangler teksten «x-ringsted.skolenavn.label».',
      ],
    ]);
  });

  it('keep the untrusted-input codes, so one problem has one code wherever it is found', () => {
    const [problem] = refused({ fields: { properties: { x: { $ref: 'https://evil.example/s.json' } } } });
    expect(problem).toMatchObject({
      path: '/fields/properties/x/$ref',
      code: 'remote-ref',
      messages: { da: expect.stringMatching(/^Kun lokale referencer/) },
    });
  });
});
