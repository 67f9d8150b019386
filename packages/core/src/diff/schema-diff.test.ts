import { describe, expect, it } from 'vitest';
import { diffSchemas } from './schema-diff.js';
import { highestBump } from './types.js';

const base = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://skema.dk/schemas/t/1.0.0/schema.json',
  type: 'object',
  properties: {
    navn: { type: 'string', minLength: 1, maxLength: 100, title: 'Navn' },
    alder: { type: 'integer', minimum: 0, maximum: 120 },
    status: { type: 'string', enum: ['Ny', 'Afsluttet'] },
    borger: { $ref: '#/$defs/person' },
    personer: { type: 'array', items: { $ref: '#/$defs/person' }, maxItems: 5 },
  },
  required: ['navn'],
  $defs: {
    person: {
      type: 'object',
      properties: { cpr: { type: 'string', format: 'cpr' }, mail: { type: 'string', format: 'email' } },
      required: ['cpr'],
      additionalProperties: false,
    },
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases edit schema fixtures in place at any depth
type Schema = Record<string, any>;

/** A deep copy of the base schema changed by `edit`. */
function variant(edit: (s: Schema) => void): Schema {
  const copy = structuredClone(base) as Schema;
  edit(copy);
  return copy;
}

function diff(edit: (s: Schema) => void) {
  const changes = diffSchemas(base, variant(edit));
  return { changes, level: highestBump(changes.map((c) => c.level)) };
}

describe('diffSchemas', () => {
  it('finds nothing between equal schemas and ignores $id', () => {
    expect(diffSchemas(base, structuredClone(base))).toEqual([]);
    expect(diff((s) => (s.$id = 'https://skema.dk/schemas/t/2.0.0/schema.json')).changes).toEqual([]);
  });

  it('treats a removed property as major', () => {
    const { changes, level } = diff((s) => delete s.properties.alder);
    expect(level).toBe('major');
    expect(changes).toMatchObject([
      { path: '#/properties/alder', kind: 'property-removed', level: 'major', message: 'property "alder" removed' },
    ]);
  });

  it('reports a rename (same schema, new name) as one major change', () => {
    const { changes } = diff((s) => {
      s.properties.foedt = s.properties.alder;
      delete s.properties.alder;
    });
    expect(changes.map((c) => [c.kind, c.level])).toEqual([['property-renamed', 'major']]);
    expect(changes[0]!.message).toContain('"foedt"');
  });

  it('classifies new properties by whether they are required', () => {
    expect(diff((s) => (s.properties.ny = { type: 'string' })).changes).toMatchObject([
      { path: '#/properties/ny', kind: 'property-added', level: 'minor', message: 'new optional property "ny"' },
    ]);
    const required = diff((s) => {
      s.properties.ny = { type: 'string' };
      s.required.push('ny');
    });
    expect(required.changes.map((c) => [c.kind, c.level])).toEqual([['property-added', 'major']]);
  });

  it('treats making an existing field required as major and the reverse as minor', () => {
    expect(diff((s) => s.required.push('alder')).changes).toMatchObject([
      { path: '#/properties/alder', kind: 'required-added', level: 'major', message: '"alder" is now required' },
    ]);
    expect(diff((s) => (s.required = [])).changes.map((c) => [c.kind, c.level])).toEqual([
      ['required-removed', 'minor'],
    ]);
  });

  it('classifies type changes by containment', () => {
    expect(diff((s) => (s.properties.alder.type = 'number')).level).toBe('minor');
    expect(diff((s) => (s.properties.alder.type = ['integer', 'null'])).level).toBe('minor');
    const narrowed = diff((s) => (s.properties.navn.type = 'integer'));
    expect(narrowed.changes[0]).toMatchObject({ kind: 'type-narrowed', level: 'major' });
    expect(diff((s) => delete s.properties.alder.type).level).toBe('minor');
  });

  it('classifies enum changes: removed value major, added value minor', () => {
    const removed = diff((s) => (s.properties.status.enum = ['Ny']));
    expect(removed.changes).toMatchObject([
      {
        path: '#/properties/status',
        kind: 'enum-narrowed',
        level: 'major',
        message: 'enum values removed: "Afsluttet"',
      },
    ]);
    const added = diff((s) => s.properties.status.enum.push('Afbrudt'));
    expect(added.changes.map((c) => [c.kind, c.level])).toEqual([['enum-widened', 'minor']]);
    expect(diff((s) => (s.properties.navn.enum = ['A'])).level).toBe('major');
    // Reordering values changes nothing.
    expect(diff((s) => s.properties.status.enum.reverse()).changes).toEqual([]);
  });

  it('classifies numeric and length bounds by direction', () => {
    expect(diff((s) => (s.properties.alder.minimum = 1)).level).toBe('major');
    expect(diff((s) => (s.properties.alder.maximum = 150)).level).toBe('minor');
    expect(diff((s) => (s.properties.alder.maximum = 100)).level).toBe('major');
    expect(diff((s) => (s.properties.navn.maxLength = 50)).level).toBe('major');
    expect(diff((s) => (s.properties.navn.minLength = 0)).level).toBe('minor');
    expect(diff((s) => delete s.properties.navn.maxLength).level).toBe('minor');
    expect(diff((s) => (s.properties.alder.exclusiveMaximum = 99)).level).toBe('major');
    expect(diff((s) => (s.properties.personer.maxItems = 10)).level).toBe('minor');
    expect(diff((s) => (s.properties.personer.minItems = 1)).level).toBe('major');
  });

  it('treats pattern, format and multipleOf changes as breaking unless removed or divisible', () => {
    expect(diff((s) => (s.properties.navn.pattern = '^[A-Z]')).level).toBe('major');
    expect(diff((s) => (s.properties.navn.format = 'email')).level).toBe('major');
    expect(diff((s) => delete s.$defs.person.properties.mail.format).level).toBe('minor');
    expect(diff((s) => (s.properties.alder.multipleOf = 2)).level).toBe('major');
    const withMultiple = variant((s) => (s.properties.alder.multipleOf = 4));
    const relaxed = structuredClone(withMultiple);
    relaxed.properties.alder.multipleOf = 2;
    expect(highestBump(diffSchemas(withMultiple, relaxed).map((c) => c.level))).toBe('minor');
    expect(highestBump(diffSchemas(relaxed, withMultiple).map((c) => c.level))).toBe('major');
  });

  it('treats const changes as major and const removal as minor', () => {
    const withConst = variant((s) => (s.properties.navn.const = 'A'));
    expect(highestBump(diffSchemas(base, withConst).map((c) => c.level))).toBe('major');
    const changed = variant((s) => (s.properties.navn.const = 'B'));
    expect(diffSchemas(withConst, changed)[0]).toMatchObject({ kind: 'const-changed', level: 'major' });
    expect(diffSchemas(withConst, base)[0]).toMatchObject({ kind: 'constraint-relaxed', level: 'minor' });
  });

  it('treats closing an object with additionalProperties:false as major', () => {
    const { changes } = diff((s) => (s.additionalProperties = false));
    expect(changes).toMatchObject([
      {
        path: '#/additionalProperties',
        kind: 'additional-properties-closed',
        level: 'major',
        message: 'additionalProperties: false added: unknown properties are refused',
      },
    ]);
    const closed = variant((s) => (s.additionalProperties = false));
    expect(diffSchemas(closed, base)[0]).toMatchObject({ kind: 'additional-properties-opened', level: 'minor' });
  });

  it('follows $ref into $defs and reports the change at every use', () => {
    const { changes } = diff((s) => s.$defs.person.required.push('mail'));
    expect(changes.map((c) => c.path).sort()).toEqual([
      '#/properties/borger/properties/mail',
      '#/properties/personer/items/properties/mail',
    ]);
    expect(changes.every((c) => c.kind === 'required-added' && c.level === 'major')).toBe(true);
  });

  it('sees through moving an inline schema into $defs', () => {
    const inline = variant((s) => (s.properties.borger = structuredClone(s.$defs.person)));
    expect(diffSchemas(inline, base)).toEqual([]);
    expect(diffSchemas(base, inline)).toEqual([]);
  });

  it('follows items', () => {
    const list = (items: unknown) => ({ type: 'object', properties: { xs: { type: 'array', items } } });
    expect(diffSchemas(list({ type: 'integer' }), list({ type: 'number' }))).toMatchObject([
      {
        path: '#/properties/xs/items',
        kind: 'type-widened',
        level: 'minor',
        message: 'type widened from integer to number',
      },
    ]);
    expect(highestBump(diffSchemas(list({ type: 'integer' }), list({ type: 'string' })).map((c) => c.level))).toBe(
      'major',
    );
    // A property of the item schema removed is a removed field, even though the new item schema accepts more.
    expect(diff((s) => (s.properties.personer.items = {})).level).toBe('major');
  });

  it('follows if/then/else and treats a changed condition as major', () => {
    const conditional = variant((s) => {
      s.if = { properties: { status: { const: 'Afsluttet' } }, required: ['status'] };
      s.then = { required: ['alder'] };
    });
    expect(highestBump(diffSchemas(base, conditional).map((c) => c.level))).toBe('major');

    const stricterThen = structuredClone(conditional);
    stricterThen.then.required.push('borger');
    expect(diffSchemas(conditional, stricterThen)).toMatchObject([
      { path: '#/then/properties/borger', kind: 'required-added', level: 'major', message: '"borger" is now required' },
    ]);
    expect(diffSchemas(stricterThen, conditional)[0]).toMatchObject({ kind: 'required-removed', level: 'minor' });

    const otherCondition = structuredClone(conditional);
    otherCondition.if.properties.status.const = 'Ny';
    expect(diffSchemas(conditional, otherCondition)).toMatchObject([
      expect.objectContaining({ path: '#/if', kind: 'condition-changed', level: 'major' }),
    ]);

    const titled = structuredClone(conditional);
    titled.if.properties.status.title = 'Status';
    expect(diffSchemas(conditional, titled).map((c) => c.level)).toEqual(['patch']);

    const withElse = structuredClone(conditional);
    withElse.else = { properties: { alder: { maximum: 17 } } };
    expect(diffSchemas(conditional, withElse)).toMatchObject([
      { path: '#/else/properties/alder', kind: 'constraint-tightened', level: 'major', message: 'maximum 17 added' },
    ]);
    expect(diffSchemas(withElse, conditional)[0]).toMatchObject({ kind: 'constraint-relaxed', level: 'minor' });
  });

  it('follows allOf entries, matching unchanged ones wherever they moved', () => {
    const rule = (field: string) => ({ if: { required: ['status'] }, then: { required: [field] } });
    const one = variant((s) => (s.allOf = [rule('alder')]));
    const two = variant((s) => (s.allOf = [rule('borger'), rule('alder')]));
    const changes = diffSchemas(one, two);
    expect(changes.map((c) => [c.path, c.level])).toEqual([
      ['#/allOf/0/if', 'major'],
      ['#/allOf/0/then/properties/borger', 'major'],
    ]);
    expect(highestBump(diffSchemas(two, one).map((c) => c.level))).toBe('minor');
    const edited = variant((s) => (s.allOf = [{ ...rule('alder'), then: { required: ['alder', 'navn'] } }]));
    expect(diffSchemas(one, edited)).toMatchObject([
      {
        path: '#/allOf/0/then/properties/navn',
        kind: 'required-added',
        level: 'major',
        message: '"navn" is now required',
      },
    ]);
  });

  it('treats anyOf/oneOf alternatives: added minor, removed major', () => {
    const one = variant((s) => (s.properties.navn.anyOf = [{ minLength: 2 }, { const: 'X' }]));
    const more = variant((s) => (s.properties.navn.anyOf = [{ minLength: 2 }, { const: 'X' }, { const: 'Y' }]));
    expect(diffSchemas(one, more).map((c) => [c.kind, c.level])).toEqual([['subschema-added', 'minor']]);
    expect(diffSchemas(more, one).map((c) => [c.kind, c.level])).toEqual([['subschema-removed', 'major']]);
  });

  it('classifies annotations, examples and x- keywords as patch', () => {
    expect(diff((s) => (s.properties.navn.title = 'Fulde navn')).changes).toMatchObject([
      { path: '#/properties/navn', kind: 'annotation-changed', level: 'patch', message: 'title changed' },
    ]);
    expect(diff((s) => (s.properties.navn.description = 'Hjælp')).level).toBe('patch');
    expect(diff((s) => (s.properties.navn.examples = ['Anna'])).level).toBe('patch');
    expect(diff((s) => (s.properties.navn['x-widget'] = 'textarea')).level).toBe('patch');
  });

  it('treats changes to unknown keywords as breaking', () => {
    expect(diff((s) => (s.properties.navn.someValidator = 3)).changes[0]).toMatchObject({
      kind: 'keyword-changed',
      level: 'major',
    });
  });

  it('handles boolean subschemas', () => {
    expect(diff((s) => (s.properties.navn = false)).level).toBe('major');
    const falsy = variant((s) => (s.properties.navn = false));
    expect(highestBump(diffSchemas(falsy, base).map((c) => c.level))).toBe('minor');
    expect(diff((s) => (s.properties.navn = true)).level).toBe('minor');
  });

  it('terminates on recursive schemas', () => {
    const tree = (extra: Record<string, unknown>) => ({
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } }, ...extra },
        },
      },
    });
    expect(diffSchemas(tree({}), tree({}))).toEqual([]);
    const changes = diffSchemas(tree({}), tree({ name: { type: 'string' } }));
    expect(changes.map((c) => c.path)).toEqual(['#/properties/name']);
  });

  it('reports changes to dependentRequired and dependentSchemas', () => {
    const dep = variant((s) => (s.dependentRequired = { alder: ['navn'] }));
    expect(diffSchemas(base, dep)[0]).toMatchObject({
      kind: 'required-added',
      level: 'major',
      message: '"alder" now requires "navn"',
    });
    expect(diffSchemas(dep, base)[0]).toMatchObject({ kind: 'required-removed', level: 'minor' });
    const ds = variant((s) => (s.dependentSchemas = { alder: { required: ['status'] } }));
    expect(diffSchemas(base, ds)[0]).toMatchObject({
      path: '#/dependentSchemas/alder/properties/status',
      level: 'major',
    });
  });
});
