import { describe, expect, it } from 'vitest';
import { createAjv } from '../ajv.js';
import { SkemaEngine } from '../engine.js';
import type { FormVersion } from '../form.js';
import { formContentHash } from '../hash.js';

function form(field: Record<string, unknown>): FormVersion {
  const f: Omit<FormVersion, 'hash'> = {
    manifest: {
      id: 'f',
      version: '1.0.0',
      title: { da: 'F', en: 'F' },
      status: 'published',
      plugins: [],
      changelog: 'x',
    },
    schema: { type: 'object', additionalProperties: false, properties: { diagnose: field, navn: { type: 'string' } } },
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: { da: {}, en: {} },
  };
  return { ...f, hash: formContentHash(f) };
}

describe('DP-02 x-skema-sensitive keyword', () => {
  it('DP-02: a tagged form compiles and validates exactly as without the tag (an annotation only)', () => {
    const engine = new SkemaEngine();
    const tagged = form({ type: 'string', 'x-skema-sensitive': ['helbred', 'sociale-forhold'] });
    const plain = form({ type: 'string' });
    for (const data of [{ diagnose: 'ADHD', navn: 'A' }, { diagnose: 7 }, {}]) {
      const a = engine.validate(tagged, data);
      const b = engine.validate(plain, data);
      expect({ valid: a.valid, errors: a.errors }).toEqual({ valid: b.valid, errors: b.errors });
    }
  });

  it('DP-02: a malformed tag fails when the form compiles, naming the keyword', () => {
    const engine = new SkemaEngine();
    for (const bad of [[], ['helbredet'], ['cpr', 'cpr'], 'helbred', [1]]) {
      expect(() => engine.compile(form({ type: 'string', 'x-skema-sensitive': bad })), JSON.stringify(bad)).toThrow(
        /x-skema-sensitive/,
      );
    }
  });

  it('DP-02: every Ajv of the platform knows the keyword, also in nested and referenced schemas', () => {
    const ajv = createAjv();
    expect(() =>
      ajv.compile({
        type: 'object',
        properties: { a: { $ref: '#/$defs/d' } },
        $defs: { d: { 'x-skema-sensitive': ['etnisk'] } },
      }),
    ).toThrow(/x-skema-sensitive/);
    expect(ajv.compile({ type: 'array', items: { 'x-skema-sensitive': ['cpr', 'etnisk-oprindelse'] } })([1, 'x'])).toBe(
      true,
    );
  });

  it('DP-02: x-skema-not-sensitive: true records the decision without changing validation; anything but true fails to compile', () => {
    const engine = new SkemaEngine();
    const marked = form({ type: 'string', 'x-skema-not-sensitive': true });
    expect(engine.validate(marked, { diagnose: 'x' }).valid).toBe(true);
    expect(engine.validate(marked, { diagnose: 7 }).valid).toBe(false);
    for (const bad of [false, 'true', [], 1]) {
      expect(() => engine.compile(form({ type: 'string', 'x-skema-not-sensitive': bad })), JSON.stringify(bad)).toThrow(
        /x-skema-not-sensitive/,
      );
    }
  });
});
