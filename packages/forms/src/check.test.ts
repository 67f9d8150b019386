import { describe, expect, it } from 'vitest';
import { formContentHash, type FormVersion, type SkemaPlugin } from '@skema/core';
import { checkForms } from './check.js';
import { createStandardEngine } from './standard.js';

type Draft = Omit<FormVersion, 'hash'>;
/** The UI-schema nodes the edits below reach into. */
type UiNode = {
  type?: string;
  scope?: string;
  elements: UiNode[];
  options?: { detail?: UiNode };
  rule?: { condition: unknown };
};
/** The fixture with the parts of its schema and UI schema that the edits change spelled out. */
type Editable = Omit<Draft, 'schema' | 'uischema'> & {
  schema: { $id?: string; required?: string[]; properties: { status?: { minLength?: number; format?: string } } };
  uischema: UiNode;
};

/** A complete, correct form version; `edit` breaks it in one place. */
function form(version = '1.0.0', edit: (f: Editable) => void = () => {}): FormVersion {
  const draft: Draft = {
    manifest: {
      id: 'kontrolskema',
      version,
      title: { da: 'Kontrolskema', en: 'Check form' },
      status: 'published',
      plugins: [{ name: '@skema/plugin-dk', version: '^1.0.0' }],
      changelog: { da: 'Første version.', en: 'First version.' },
    },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://skema.dk/schemas/kontrolskema/${version}/schema.json`,
      type: 'object',
      properties: {
        borger: { $ref: '#/$defs/person' },
        status: { type: 'string', enum: ['Ny', 'Lukket'] },
        boern: { type: 'array', items: { $ref: '#/$defs/person' } },
      },
      required: ['borger', 'status'],
      additionalProperties: false,
      $defs: {
        person: {
          type: 'object',
          properties: { navn: { type: 'string', minLength: 1 }, cpr: { type: 'string', format: 'cpr' } },
          required: ['navn'],
          additionalProperties: false,
        },
      },
    },
    uischema: {
      type: 'Categorization',
      elements: [
        {
          type: 'Category',
          i18n: 'sections.borger',
          elements: [
            {
              type: 'Group',
              i18n: 'sections.person',
              elements: [
                {
                  type: 'HorizontalLayout',
                  elements: [
                    { type: 'Control', scope: '#/properties/borger/properties/navn' },
                    { type: 'Control', scope: '#/properties/borger/properties/cpr' },
                  ],
                },
              ],
            },
            { type: 'Control', scope: '#/properties/status' },
            {
              type: 'Control',
              scope: '#/properties/boern',
              rule: { effect: 'SHOW', condition: { scope: '#/properties/status', schema: { const: 'Ny' } } },
              options: {
                detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/navn' }] },
              },
            },
          ],
        },
      ],
    },
    i18n: {
      da: {
        'sections.borger.label': 'Borger',
        'sections.person.label': 'Person',
        'borger.navn.label': 'Navn',
        'borger.cpr.label': 'CPR-nummer',
        'status.label': 'Status',
        'status.Ny': 'Ny',
        'status.Lukket': 'Lukket',
        'boern.label': 'Børn',
        'boern.navn.label': 'Barnets navn',
      },
      en: {
        'sections.borger.label': 'Citizen',
        'sections.person.label': 'Person',
        'borger.navn.label': 'Name',
        'borger.cpr.label': 'CPR number',
        'status.label': 'Status',
        'status.Ny': 'New',
        'status.Lukket': 'Closed',
        'boern.label': 'Children',
        'boern.navn.label': "Child's name",
      },
    },
    examples: {
      valid: [{ name: 'simpel', data: { borger: { navn: 'Anna Testesen', cpr: '0101901234' }, status: 'Ny' } }],
      invalid: [
        {
          name: 'uden-navn',
          data: { borger: {}, status: 'Ny' },
          expect: { codes: ['required'], paths: ['/borger/navn'] },
        },
      ],
    },
  };
  const copy = structuredClone(draft) as Editable;
  edit(copy);
  return { ...copy, hash: formContentHash(copy) };
}

const engine = createStandardEngine();
const lockOf = (...forms: FormVersion[]) =>
  Object.fromEntries(forms.map((f) => [`${f.manifest.id}@${f.manifest.version}`, f.hash]));
const check = (...forms: FormVersion[]) => checkForms({ forms, engine, lock: lockOf(...forms) });
const messages = (...forms: FormVersion[]) => check(...forms).map((p) => `${p.file}: ${p.message}`);

describe('checkForms', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(check(form())).toEqual([]);
  });

  it('requires $id and a valid 2020-12 schema', () => {
    expect(messages(form('1.0.0', (f) => delete f.schema.$id))).toEqual([
      'kontrolskema/1.0.0/schema.json: "$id" is missing (expected "https://skema.dk/schemas/kontrolskema/1.0.0/schema.json")',
    ]);
    const invalid = check(form('1.0.0', (f) => (f.schema.properties.status!.minLength = -1)));
    expect(invalid[0]).toMatchObject({
      formId: 'kontrolskema',
      version: '1.0.0',
      file: 'kontrolskema/1.0.0/schema.json',
    });
    expect(invalid[0]!.message).toMatch(/^not a valid JSON Schema 2020-12: \/properties\/status\/minLength/);
  });

  it('reports forms that do not compile: unknown format or plugin', () => {
    expect(messages(form('1.0.0', (f) => (f.schema.properties.status!.format = 'postnummer')))).toEqual([
      'kontrolskema/1.0.0/schema.json: does not compile: Form kontrolskema@1.0.0 uses format "postnummer", which no registered plugin provides',
    ]);
    const unknownPlugin = messages(
      form('1.0.0', (f) => f.manifest.plugins.push({ name: '@skema/plugin-ukendt', version: '^1.0.0' })),
    );
    expect(unknownPlugin).toEqual([expect.stringMatching(/does not compile: .*needs plugin @skema\/plugin-ukendt/)]);
  });

  it('reports UI-schema scopes that resolve nowhere, in layouts, details and rule conditions', () => {
    const result = messages(
      form('1.0.0', (f) => {
        const category = f.uischema.elements[0]!;
        category.elements[0]!.elements[0]!.elements[1]!.scope = '#/properties/borger/properties/adresse';
        category.elements[2]!.options!.detail!.elements[0]!.scope = '#/properties/alder';
        category.elements[2]!.rule!.condition = {
          type: 'AND',
          conditions: [{ scope: '#/properties/lukket', schema: { const: true } }],
        };
      }),
    );
    expect(result).toEqual([
      'kontrolskema/1.0.0/uischema.json: /elements/0/elements/0/elements/0/elements/1: scope "#/properties/borger/properties/adresse" does not resolve to a schema location',
      'kontrolskema/1.0.0/uischema.json: /elements/0/elements/2/rule/condition/conditions/0: rule condition scope "#/properties/lukket" does not resolve to a schema location',
      'kontrolskema/1.0.0/uischema.json: /elements/0/elements/2/options/detail/elements/0: scope "#/properties/alder" does not resolve to a schema location',
    ]);
  });

  it('requires labels for controls and titled layouts, and English enum labels', () => {
    const result = messages(
      form('1.0.0', (f) => {
        delete f.i18n.da['boern.navn.label'];
        delete f.i18n.en['boern.navn.label'];
        delete f.i18n.da['sections.person.label'];
        delete f.i18n.en['sections.person.label'];
        delete f.i18n.en['status.Lukket'];
        delete f.i18n.da['status.Lukket'];
      }),
    );
    expect(result).toEqual([
      'kontrolskema/1.0.0/i18n/da.json: missing "sections.person.label" (used by uischema.json /elements/0/elements/0)',
      'kontrolskema/1.0.0/i18n/en.json: missing "sections.person.label" (used by uischema.json /elements/0/elements/0)',
      'kontrolskema/1.0.0/i18n/en.json: missing "status.Lukket" (English label of an enum value)',
      'kontrolskema/1.0.0/i18n/da.json: missing "boern.navn.label" (used by uischema.json /elements/0/elements/2/options/detail/elements/0)',
      'kontrolskema/1.0.0/i18n/en.json: missing "boern.navn.label" (used by uischema.json /elements/0/elements/2/options/detail/elements/0)',
    ]);
  });

  it('requires the same keys in da and en, and no empty texts', () => {
    const result = messages(
      form('1.0.0', (f) => {
        f.i18n.da['status.description'] = 'Sagens status';
        f.i18n.en['borger.navn.label'] = ' ';
      }),
    );
    expect(result).toEqual([
      'kontrolskema/1.0.0/i18n/en.json: missing "status.description" (present in da.json)',
      'kontrolskema/1.0.0/i18n/en.json: "borger.navn.label" is empty',
    ]);
  });

  it('runs examples with their declared outcome', () => {
    const result = messages(
      form('1.0.0', (f) => {
        f.examples!.valid.push({
          name: 'forkert-cpr',
          data: { borger: { navn: 'A', cpr: '3213901234' }, status: 'Ny' },
        });
        f.examples!.invalid.push({
          name: 'passer',
          data: { borger: { navn: 'A' }, status: 'Lukket' },
          expect: { codes: ['required'] },
        });
        f.examples!.invalid.push({
          name: 'forkert-kode',
          data: { borger: { navn: 'A' }, status: 'X' },
          expect: { codes: ['HEN-05'], paths: ['/status'] },
        });
        f.examples!.invalid.push({ name: 'uden-forventning', data: {} });
      }),
    );
    expect(result).toEqual([
      'kontrolskema/1.0.0/examples/valid/forkert-cpr.json: valid example fails: /borger/cpr format: "CPR number" must be a valid CPR number (DDMMYY-XXXX)',
      'kontrolskema/1.0.0/examples/invalid/passer.json: invalid example passes; expected required',
      'kontrolskema/1.0.0/examples/invalid/forkert-kode.json: expected error code HEN-05, got /status enum',
      'kontrolskema/1.0.0/examples/invalid/uden-forventning.json: invalid example declares neither expect.codes nor expect.paths',
    ]);
  });

  it('validates each example on its own today', () => {
    // A rule that only fails after 2026: the outcome of an example depends on its `today`.
    const datePlugin: SkemaPlugin = {
      name: 'test-dato',
      version: '1.0.0',
      rules: [
        {
          id: 'TST-01',
          severity: 'error',
          appliesTo: ['kontrolskema'],
          description: { da: 'Test', en: 'Test' },
          source: 'test',
          message: { da: 'For sent', en: 'Too late' },
          check: (_data, ctx) => (ctx.today > '2026-12-31' ? [{ path: '/status' }] : []),
        },
      ],
    };
    const withRule = form('1.0.0', (f) => {
      f.manifest.plugins.push({ name: 'test-dato', version: '^1.0.0' });
      f.examples!.valid.push({ name: 'sent', today: '2027-01-02', data: { borger: { navn: 'A' }, status: 'Ny' } });
      f.examples!.invalid.push({
        name: 'sent-fejl',
        today: '2027-01-02',
        data: { borger: { navn: 'A' }, status: 'Ny' },
        expect: { codes: ['TST-01'] },
      });
      f.examples!.invalid.push({
        name: 'tidligt',
        today: '2026-06-01',
        data: { borger: { navn: 'A' }, status: 'Ny' },
        expect: { codes: ['TST-01'] },
      });
    });
    const problems = checkForms({
      forms: [withRule],
      engine: createStandardEngine([datePlugin]),
      lock: lockOf(withRule),
    });
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'kontrolskema/1.0.0/examples/valid/sent.json: valid example fails: /status TST-01: Too late',
      'kontrolskema/1.0.0/examples/invalid/tidligt.json: invalid example passes; expected TST-01',
    ]);
  });

  it('reports published versions whose content changed or that are not locked', () => {
    const published = form();
    expect(checkForms({ forms: [published], engine, lock: {} }).map((p) => p.message)).toEqual([
      'kontrolskema@1.0.0 is published but not recorded in forms.lock.json (run "skema lock")',
    ]);
    const changed = form('1.0.0', (f) => (f.i18n.en['status.label'] = 'State'));
    const problems = checkForms({ forms: [changed], engine, lock: lockOf(published) });
    expect(problems).toEqual([
      expect.objectContaining({ formId: 'kontrolskema', version: '1.0.0', file: 'forms.lock.json' }),
    ]);
    expect(problems[0]!.message).toMatch(/immutable, but its content changed/);
  });

  it('fails when a version number is smaller than its diff from the previous version requires', () => {
    const v1 = form('1.0.0');
    const removesStatus = (f: Editable) => {
      delete f.schema.properties.status;
      f.schema.required = ['borger'];
      f.uischema.elements[0]!.elements.splice(1, 2);
      for (const locale of ['da', 'en'] as const)
        for (const k of Object.keys(f.i18n[locale]))
          if (k.startsWith('status.') || k.startsWith('boern.')) delete f.i18n[locale][k];
      f.examples!.valid[0]!.data = { borger: { navn: 'A' } };
      f.examples!.invalid[0]!.data = { borger: {} };
    };
    const tooSmall = form('1.1.0', removesStatus);
    expect(messages(v1, tooSmall)).toEqual([
      'kontrolskema/1.1.0/form.json: 2.0.0 needed: kontrolskema 1.0.0 → 1.1.0 is a minor bump, but the changes need a major bump: #/properties/status: property "status" removed',
    ]);
    expect(check(v1, form('2.0.0', removesStatus))).toEqual([]);
  });
});
