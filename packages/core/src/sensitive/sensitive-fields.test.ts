import { describe, expect, it } from 'vitest';
import type { FormVersion } from '../form.js';
import { formContentHash } from '../hash.js';
import { applyOverlay } from '../overlay/apply-overlay.js';
import { sensitiveFields } from './sensitive-fields.js';

const schema = () => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    barn: { $ref: '#/$defs/person' },
    soeskende: { type: 'array', items: { $ref: '#/$defs/person' } },
    helbred: { type: 'string', 'x-skema-sensitive': ['helbred'] },
    problemer: {
      type: 'array',
      items: { type: 'string', enum: ['Misbrug', 'Vold'] },
      'x-skema-sensitive': ['sociale-forhold'],
    },
    tuple: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'string', format: 'cpr' }] },
    noter: { type: 'string' },
  },
  allOf: [
    {
      if: { properties: { noter: { const: 'x' } } },
      then: { properties: { oprindelse: { 'x-skema-sensitive': ['etnisk-oprindelse'] } } },
    },
  ],
  dependentSchemas: { noter: { properties: { noter: { 'x-skema-sensitive': ['sociale-forhold'] } } } },
  $defs: {
    person: {
      type: 'object',
      properties: {
        navn: { type: 'string' },
        cpr: { type: 'string', format: 'cpr' },
        handicap: { anyOf: [{ type: 'string', 'x-skema-sensitive': ['helbred'] }, { type: 'null' }] },
      },
    },
  },
});

describe('DP-02 sensitiveFields', () => {
  it('DP-02: finds tagged fields and every CPR number (format cpr) through $ref, items, prefixItems, allOf, if/then and dependentSchemas', () => {
    expect(sensitiveFields(schema())).toEqual([
      { pointer: '/barn/cpr', categories: ['cpr'] },
      { pointer: '/barn/handicap', categories: ['helbred'] },
      { pointer: '/soeskende/*/cpr', categories: ['cpr'] },
      { pointer: '/soeskende/*/handicap', categories: ['helbred'] },
      { pointer: '/helbred', categories: ['helbred'] },
      { pointer: '/problemer', categories: ['sociale-forhold'] },
      { pointer: '/tuple/1', categories: ['cpr'] },
      { pointer: '/oprindelse', categories: ['etnisk-oprindelse'] },
      { pointer: '/noter', categories: ['sociale-forhold'] },
    ]);
  });

  it('DP-02: merges the categories a field gets from several places, in the fixed order', () => {
    const s = {
      properties: {
        a: {
          'x-skema-sensitive': ['sociale-forhold'],
          format: 'cpr',
          allOf: [{ 'x-skema-sensitive': ['helbred', 'cpr'] }],
        },
      },
    };
    expect(sensitiveFields(s)).toEqual([{ pointer: '/a', categories: ['cpr', 'helbred', 'sociale-forhold'] }]);
  });

  it('DP-02: escapes property names, skips `not`, unused definitions and values (enum, const, default)', () => {
    const s = {
      properties: {
        'a/b~c': { format: 'cpr' },
        n: { not: { format: 'cpr' } },
        e: { enum: [{ format: 'cpr' }], default: { format: 'cpr' } },
      },
      $defs: { unused: { format: 'cpr' } },
    };
    expect(sensitiveFields(s)).toEqual([{ pointer: '/a~1b~0c', categories: ['cpr'] }]);
  });

  it('DP-02: members beyond the named properties are `*` (additionalProperties, patternProperties)', () => {
    const s = {
      properties: {
        m: {
          type: 'object',
          additionalProperties: { format: 'cpr' },
          patternProperties: { '^h': { 'x-skema-sensitive': ['helbred'] } },
        },
      },
    };
    expect(sensitiveFields(s)).toEqual([{ pointer: '/m/*', categories: ['cpr', 'helbred'] }]);
  });

  it('DP-02: a recursive $ref ends where it recurs, the nested value sensitive as a whole', () => {
    const s = {
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          properties: {
            cpr: { format: 'cpr' },
            boern: { type: 'array', items: { $ref: '#/$defs/node' } },
            note: { $ref: '#/$defs/note' },
          },
        },
        note: { 'x-skema-sensitive': ['helbred'] },
      },
    };
    expect(sensitiveFields(s)).toEqual([
      { pointer: '/cpr', categories: ['cpr'] },
      { pointer: '/boern/*', categories: ['cpr', 'helbred'] },
      { pointer: '/note', categories: ['helbred'] },
    ]);
    // A whole-schema self reference.
    expect(sensitiveFields({ properties: { self: { $ref: '#' }, cpr: { format: 'cpr' } } })).toEqual([
      { pointer: '/self', categories: ['cpr'] },
      { pointer: '/cpr', categories: ['cpr'] },
    ]);
  });

  it('DP-02: a schema whose references multiply beyond the bound counts as sensitive as a whole (fail closed)', () => {
    const $defs: Record<string, unknown> = { d0: { type: 'string' } };
    for (let i = 1; i <= 20; i++)
      $defs[`d${i}`] = { properties: { a: { $ref: `#/$defs/d${i - 1}` }, b: { $ref: `#/$defs/d${i - 1}` } } };
    expect(sensitiveFields({ $ref: '#/$defs/d20', $defs })).toEqual([
      { pointer: '', categories: ['cpr', 'helbred', 'etnisk-oprindelse', 'sociale-forhold'] },
    ]);
  });

  it('DP-02: is cached per schema object, frozen, and empty for a form without sensitive fields', () => {
    const s = schema();
    expect(sensitiveFields(s)).toBe(sensitiveFields(s));
    expect(Object.isFrozen(sensitiveFields(s)[0])).toBe(true);
    expect(sensitiveFields({ type: 'object', properties: { navn: { type: 'string' } } })).toEqual([]);
    expect(sensitiveFields(true)).toEqual([]);
  });

  it('DP-02: a tenant overlay may tag a base field (constraints), never with an unknown category', () => {
    const f: Omit<FormVersion, 'hash'> = {
      manifest: {
        id: 'f',
        version: '1.0.0',
        title: { da: 'F', en: 'F' },
        status: 'published',
        plugins: [],
        changelog: 'x',
      },
      schema: schema(),
      uischema: { type: 'VerticalLayout', elements: [] },
      i18n: { da: {}, en: {} },
    };
    const base = { ...f, hash: formContentHash(f) };
    const overlay = (tag: unknown) => ({
      tenantId: 'nordby',
      formId: 'f',
      version: '1.0.0',
      baseVersion: '^1.0.0',
      constraints: { '/soeskende/*/navn': { 'x-skema-sensitive': tag } },
    });
    const { form } = applyOverlay(base, overlay(['etnisk-oprindelse']));
    expect(sensitiveFields(form!.schema)).toContainEqual({
      pointer: '/soeskende/*/navn',
      categories: ['etnisk-oprindelse'],
    });
    expect(sensitiveFields(base.schema).map((x) => x.pointer)).not.toContain('/soeskende/*/navn');
    const refused = applyOverlay(base, overlay(['religion']));
    expect(refused.form).toBeUndefined();
    expect(refused.problems[0]).toMatchObject({
      code: 'overlay-invalid',
      path: '/constraints/~1soeskende~1*~1navn/x-skema-sensitive/0',
    });
  });
});
