import { describe, expect, it } from 'vitest';
import { checkUntrustedDocument, parseUntrustedJson } from './check-untrusted.js';

const codes = (doc: unknown, limits = {}) => checkUntrustedDocument(doc, limits).map((p) => `${p.code} ${p.path}`);

describe('untrusted schemas', () => {
  it('accepts an ordinary schema with local refs and safe patterns', () => {
    const schema = {
      type: 'object',
      properties: { postnr: { type: 'string', pattern: '^[0-9]{4}$' }, leder: { $ref: '#/$defs/person' }, pattern: { type: 'string' } },
      $defs: { person: { type: 'object', properties: { navn: { type: 'string' } } } },
    };
    expect(codes(schema)).toEqual([]);
  });

  it('refuses remote references', () => {
    expect(codes({ properties: { a: { $ref: 'https://evil.example/schema.json' } } })).toEqual(['remote-ref /properties/a/$ref']);
    expect(codes({ $dynamicRef: 'other.json#meta' })).toEqual(['remote-ref /$dynamicRef']);
  });

  it('refuses prototype keys, also as parsed JSON', () => {
    const parsed = parseUntrustedJson('{"properties":{"__proto__":{"polluted":true}}}');
    expect(parsed.problems.map((p) => p.code)).toEqual(['forbidden-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(codes({ constructor: { prototype: {} } })).toContain('forbidden-key /constructor');
  });

  it('refuses patterns that backtrack catastrophically, and invalid patterns', () => {
    expect(codes({ pattern: '^(a+)+$' })).toEqual(['unsafe-pattern /pattern']);
    expect(codes({ patternProperties: { '^(\\d*)*x': {} } })).toEqual(['unsafe-pattern /patternProperties/^(\\d*)*x']);
    expect(codes({ pattern: '([a-z' })).toEqual(['invalid-pattern /pattern']);
  });

  it('bounds size, depth and the number of keys', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 40; i++) deep = (deep.items = {}) as Record<string, unknown>;
    expect(codes(root)[0]).toMatch(/^too-deep /);
    const wide = { properties: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, { type: 'string' }])) };
    expect(codes(wide, { maxKeys: 60 })[0]).toMatch(/^too-many-keys /);
    expect(codes({ description: 'x'.repeat(2000) }, { maxBytes: 1000 })).toEqual(['too-large ']);
    expect(parseUntrustedJson('"' + 'x'.repeat(2000) + '"', { maxBytes: 1000 }).problems[0]?.code).toBe('too-large');
  });
});
