import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSchemaBudget } from './schema-budget.js';

const codes = (schema: unknown, limits = {}) => checkSchemaBudget(schema, limits).map((p) => `${p.code} ${p.path}`);

/** The attack: 30 `$defs`, each an `anyOf` of two references to the next (2^30 evaluations of one value). */
function anyOfChain(levels = 30): Record<string, unknown> {
  const $defs: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++)
    $defs[`d${i}`] = { anyOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] };
  $defs[`d${levels}`] = { type: 'string', const: 'x' };
  return { type: 'object', properties: { v: { $ref: '#/$defs/d0' } }, $defs };
}

describe('complexity budget of untrusted schemas', () => {
  it('refuses the 30-level anyOf/$ref chain, naming where the blow-up starts', () => {
    const [problem] = checkSchemaBudget(anyOfChain(), {}, '/schema');
    expect(problem).toMatchObject({ code: 'too-complex', path: '/schema/$defs/d22' });
    expect(problem?.messages.da).toMatch(/delskema-kontroller af én værdi.*højst 1000/);
    // A short chain is fine: 2^5 evaluations.
    expect(codes(anyOfChain(5))).toEqual([]);
  });

  it('sums what several parents apply to the same child value', () => {
    const child = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    const parents = Array.from({ length: 20 }, () => ({
      properties: { a: { allOf: Array.from({ length: 10 }, () => child) } },
    }));
    expect(codes({ allOf: parents }, { maxEvaluations: 500 })).toEqual([expect.stringMatching(/^too-complex /)]);
    // Many different properties are different values: no sum.
    const wide = { properties: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`f${i}`, child])) };
    expect(codes(wide, { maxEvaluations: 500 })).toEqual([]);
  });

  it('refuses a $ref cycle that stays on one value, allows recursion through the data', () => {
    expect(
      codes({ $defs: { a: { $ref: '#/$defs/b' }, b: { allOf: [{ $ref: '#/$defs/a' }] } }, $ref: '#/$defs/a' }),
    ).toEqual([expect.stringMatching(/^ref-cycle \/\$defs\/(a|b\/allOf\/0)\/\$ref$/)]);
    expect(codes({ $ref: '#' })).toEqual(['ref-cycle /$ref']);
    const tree = {
      $defs: {
        node: {
          type: 'object',
          properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
        },
      },
      $ref: '#/$defs/node',
    };
    expect(codes(tree)).toEqual([]);
  });

  it('allows uniqueItems only where Ajv stays cheap: scalar items, or maxItems within the bound', () => {
    expect(codes({ properties: { xs: { type: 'array', uniqueItems: true } } })).toEqual([
      'unique-items-unbounded /properties/xs/uniqueItems',
    ]);
    expect(codes({ type: 'array', uniqueItems: true, items: { type: 'object' }, maxItems: 5000 })).toEqual([
      'unique-items-unbounded /uniqueItems',
    ]);
    expect(codes({ type: 'array', uniqueItems: true, items: { type: 'object' }, maxItems: 1000 })).toEqual([]);
    expect(codes({ type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a', 'b'] } })).toEqual([]);
  });

  it('bounds enum', () => {
    expect(codes({ enum: Array.from({ length: 1001 }, (_, i) => i) })).toEqual(['enum-too-large /enum']);
  });

  it('checks by keyword: a property named properties or $defs is a name, not a keyword', () => {
    const schema = {
      properties: { properties: { ...anyOfChain(), $defs: undefined }, $defs: { type: 'string' } },
      $defs: anyOfChain().$defs,
    };
    expect(codes(schema)[0]).toMatch(/^too-complex /);
  });

  it('passes every shipped national form, with a wide margin', () => {
    const root = join(import.meta.dirname, '../../../../schemas');
    let checked = 0;
    for (const formId of readdirSync(root)) {
      const dir = join(root, formId);
      if (formId === 'tenants' || !statSync(dir).isDirectory()) continue;
      for (const version of readdirSync(dir)) {
        const schema: unknown = JSON.parse(readFileSync(join(dir, version, 'schema.json'), 'utf8'));
        expect({ form: `${formId}@${version}`, problems: codes(schema, { maxEvaluations: 100 }) }).toEqual({
          form: `${formId}@${version}`,
          problems: [],
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });
});
