import { describe, expect, it } from 'vitest';
import { createAjv } from '../ajv.js';
import { createUntrustedAjv, SchemaBudgetError, untrustedSchema, withArrayCap } from './untrusted-ajv.js';

describe('the untrusted Ajv', () => {
  it('checks uniqueItems in linear time with the same result and params as Ajv', () => {
    const schema = { type: 'array', uniqueItems: true };
    const bare = createAjv().compile(schema);
    const linear = createUntrustedAjv().compile(schema);
    for (const data of [
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [1, '1', [1], { x: [1] }],
      [],
      [3, 1, 2, 1],
    ]) {
      expect(linear(data)).toBe(bare(data));
      expect(linear.errors?.map((e) => [e.keyword, e.params])).toEqual(bare.errors?.map((e) => [e.keyword, e.params]));
    }
    // 40,000 distinct untyped objects: Ajv's pairwise loop took 28 s; this is one pass.
    expect(linear(Array.from({ length: 40_000 }, (_, i) => ({ i })))).toBe(true);
  });

  it('caps arrays without maxItems (or with a larger one), leaving the original schema alone', () => {
    const schema = {
      type: 'object',
      properties: { xs: { type: 'array' }, ys: { type: 'array', maxItems: 5 }, zs: { items: {}, maxItems: 1e9 } },
    };
    const capped = withArrayCap(schema, 100) as { properties: Record<string, { maxItems?: number }> };
    expect([capped.properties.xs?.maxItems, capped.properties.ys?.maxItems, capped.properties.zs?.maxItems]).toEqual([
      100, 5, 100,
    ]);
    expect((schema.properties.xs as { maxItems?: number }).maxItems).toBeUndefined();
    const validate = createUntrustedAjv().compile(withArrayCap({ type: 'array' }));
    expect(validate(new Array(10_001).fill(0))).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'maxItems', params: { limit: 10_000 } });
  });

  it('refuses to compile a schema over its budget', () => {
    const $defs = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `d${i}`,
        { anyOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] },
      ]),
    );
    expect(() =>
      untrustedSchema({ properties: { v: { $ref: '#/$defs/d0' } }, $defs: { ...$defs, d30: { const: 'x' } } }),
    ).toThrow(SchemaBudgetError);
  });
});
