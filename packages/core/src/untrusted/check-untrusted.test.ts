import { describe, expect, it } from 'vitest';
import { checkUntrustedDocument, parseUntrustedJson } from './check-untrusted.js';

const codes = (doc: unknown, limits = {}) => checkUntrustedDocument(doc, limits).map((p) => `${p.code} ${p.path}`);

describe('untrusted schemas', () => {
  it('accepts an ordinary schema with local refs and safe patterns', () => {
    const schema = {
      type: 'object',
      properties: {
        postnr: { type: 'string', pattern: '^[0-9]{4}$' },
        leder: { $ref: '#/$defs/person' },
        pattern: { type: 'string' },
      },
      $defs: { person: { type: 'object', properties: { navn: { type: 'string' } } } },
    };
    expect(codes(schema)).toEqual([]);
  });

  it('refuses remote references', () => {
    expect(codes({ properties: { a: { $ref: 'https://evil.example/schema.json' } } })).toEqual([
      'remote-ref /properties/a/$ref',
    ]);
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

  it('walks schema keywords, not property names: a field named properties or pattern hides nothing and is not a keyword', () => {
    // Before: the walk skipped any key under a key named "properties".
    expect(codes({ properties: { properties: { type: 'string', pattern: '^(a+)+$' } } })).toEqual([
      'unsafe-pattern /properties/properties/pattern',
    ]);
    expect(codes({ $defs: { properties: { pattern: '^(a+)+$' } } })).toEqual([
      'unsafe-pattern /$defs/properties/pattern',
    ]);
    expect(codes({ properties: { properties: { $ref: 'https://evil.example/s.json' } } })).toEqual([
      'remote-ref /properties/properties/$ref',
    ]);
    expect(
      codes({ properties: { properties: { properties: { x: { patternProperties: { '(\\d*)*x': {} } } } } } }),
    ).toEqual(['unsafe-pattern /properties/properties/properties/x/patternProperties/(\\d*)*x']);
    // Names and values that are not schema positions are never read as patterns.
    expect(
      codes({
        properties: { pattern: { type: 'string', default: '(' }, $ref: { const: 'https://x.example' } },
        examples: [{ pattern: '(' }],
      }),
    ).toEqual([]);
    expect(codes({ enum: [{ pattern: '^(a+)+$' }], const: { $ref: 'https://evil.example' } })).toEqual([]);
  });

  it('refuses patterns RE2 cannot run in linear time (backreferences, lookaround), and nested $id', () => {
    expect(codes({ pattern: '^(a)\\1$' })).toEqual(['pattern-not-linear /pattern']);
    expect(codes({ items: { pattern: '^(?=x)' } })).toEqual(['pattern-not-linear /items/pattern']);
    const [problem] = checkUntrustedDocument({ pattern: '(a)\\1' });
    expect(problem?.messages.da).toMatch(/lineær tid/);
    expect(codes({ $id: 'urn:a', properties: { a: { $id: 'urn:b' } } })).toEqual(['nested-id /properties/a/$id']);
    // Patterns that only RE2 keeps linear are accepted: untrusted forms run them on RE2.
    for (const pattern of ['^(a|a)*$', '^(\\w|\\d)+$', '^[a-z]+[a-z]+[a-z]+[a-z]+!$'])
      expect(codes({ pattern })).toEqual([]);
  });

  it('checks schemas where the document keeps them (schemaRoots)', () => {
    const overlay = {
      constraints: { '/a': { pattern: '(a)\\1' } },
      fields: { properties: { pattern: { pattern: '^(a+)+$' } } },
      texts: { da: { pattern: '(' } },
    };
    expect(
      checkUntrustedDocument(overlay, {}, ['/constraints/*', '/fields/properties/*']).map((p) => `${p.code} ${p.path}`),
    ).toEqual(['pattern-not-linear /constraints/~1a/pattern', 'unsafe-pattern /fields/properties/pattern/pattern']);
  });

  it('bounds size, depth and the number of keys', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 40; i++) deep = deep.items = {};
    expect(codes(root)[0]).toMatch(/^too-deep /);
    const wide = {
      properties: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, { type: 'string' }])),
    };
    expect(codes(wide, { maxKeys: 60 })[0]).toMatch(/^too-many-keys /);
    expect(codes({ description: 'x'.repeat(2000) }, { maxBytes: 1000 })).toEqual(['too-large ']);
    expect(parseUntrustedJson('"' + 'x'.repeat(2000) + '"', { maxBytes: 1000 }).problems[0]?.code).toBe('too-large');
  });
});

describe('untrusted problems in Danish and English', () => {
  it('gives each problem a stable code and a message in both languages, English as message', () => {
    const [remote] = checkUntrustedDocument({ properties: { a: { $ref: 'https://evil.example/s.json' } } });
    expect(remote).toEqual({
      path: '/properties/a/$ref',
      code: 'remote-ref',
      message:
        'Only local references ("#/…") are allowed; "https://evil.example/s.json" would be fetched from elsewhere.',
      messages: {
        da: 'Kun lokale referencer («#/…») er tilladt; «https://evil.example/s.json» ville blive hentet udefra.',
        en: 'Only local references ("#/…") are allowed; "https://evil.example/s.json" would be fetched from elsewhere.',
      },
    });
    const [proto] = parseUntrustedJson('{"__proto__":{}}').problems;
    expect(proto).toMatchObject({
      code: 'forbidden-key',
      messages: {
        da: expect.stringMatching(/^Nøglen «__proto__» er ikke tilladt/),
        en: expect.stringMatching(/^The key "__proto__" is not allowed/),
      },
    });
    const [pattern] = checkUntrustedDocument({ pattern: '([a-z' });
    expect(pattern?.messages).toEqual({
      da: '«([a-z» er ikke et gyldigt regulært udtryk.',
      en: '"([a-z" is not a valid regular expression.',
    });
  });

  it('names the limit that was exceeded in both languages', () => {
    const [large] = checkUntrustedDocument({ description: 'x'.repeat(2000) }, { maxBytes: 1000 });
    expect(large?.messages.da).toMatch(/^Dokumentet fylder \d+ byte og er dermed større end de tilladte 1000 byte\.$/);
    expect(large?.messages.en).toMatch(/^The document is \d+ bytes; at most 1000 are allowed\.$/);
    const [long] = checkUntrustedDocument({ pattern: 'a'.repeat(20) }, { maxPatternLength: 10 });
    expect(long).toMatchObject({
      code: 'unsafe-pattern',
      messages: {
        da: 'Det regulære udtryk er længere end de tilladte 10 tegn.',
        en: 'The pattern is longer than 10 characters.',
      },
    });
    const [unsafe] = checkUntrustedDocument({ pattern: '^(a+)+$' });
    expect(unsafe?.messages.da).toMatch(/katastrofal backtracking/);
    expect(unsafe?.message).toBe(unsafe?.messages.en);
  });
});
