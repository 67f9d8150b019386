import { describe, expect, it } from 'vitest';
import { SkemaEngine } from './engine.js';
import type { FormVersion } from './form.js';
import { formContentHash } from './hash.js';
import { SchemaBudgetError, untrustedCompiler } from './untrusted/untrusted-ajv.js';

function form(schema: Record<string, unknown>): FormVersion {
  const f: Omit<FormVersion, 'hash'> = {
    manifest: {
      id: 'egen',
      version: '1.0.0',
      title: { da: 'Egen', en: 'Own' },
      status: 'published',
      plugins: [],
      changelog: 'x',
    },
    schema,
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: { da: {}, en: {} },
  };
  return { ...f, hash: formContentHash(f) };
}

describe('SkemaEngine: untrusted forms on a second Ajv', () => {
  it('compiles an untrusted form apart from the trusted one, with RE2 patterns and capped arrays', () => {
    const engine = new SkemaEngine({ untrusted: untrustedCompiler() });
    const f = form({
      type: 'object',
      properties: { v: { type: 'string', pattern: '^(a|a)*$' }, xs: { type: 'array' } },
    });
    const untrusted = engine.compile(f, { untrusted: true });
    expect(untrusted).not.toBe(engine.compile(f));
    expect(engine.compile(f, { untrusted: true })).toBe(untrusted);
    // 30 000 characters: hours of backtracking on V8, one pass on RE2.
    const result = engine.validate(f, { v: `${'a'.repeat(30_000)}b` }, { untrusted: true, locale: 'en' });
    expect(result.errors.map((e) => `${e.code} ${e.path}`)).toEqual(['pattern /v']);
    expect(
      engine.validate(f, { xs: new Array(10_001).fill(1) }, { untrusted: true }).errors.map((e) => e.code),
    ).toEqual(['maxItems']);
    expect(engine.validate(f, { xs: new Array(10_001).fill(1) }).valid).toBe(true);
  });

  it('refuses to compile an untrusted form over its complexity budget', () => {
    const $defs = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `d${i}`,
        { anyOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] },
      ]),
    );
    const f = form({
      type: 'object',
      properties: { v: { $ref: '#/$defs/d0' } },
      $defs: { ...$defs, d30: { const: 'x' } },
    });
    expect(() => new SkemaEngine({ untrusted: untrustedCompiler() }).compile(f, { untrusted: true })).toThrow(
      SchemaBudgetError,
    );
  });

  it('compiles no untrusted form without a registered untrusted compiler (never on the trusted Ajv)', () => {
    const f = form({ type: 'object', properties: { v: { type: 'string', pattern: '^(a|a)*$' } } });
    expect(() => new SkemaEngine().compile(f, { untrusted: true })).toThrow(/untrusted compiler/);
  });
});
