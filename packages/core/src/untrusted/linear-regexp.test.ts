import { describe, expect, it } from 'vitest';
import { createUntrustedAjv } from './untrusted-ajv.js';
import { linearPatternReason, linearRegExp } from './linear-regexp.js';

describe('linear-time regular expressions (RE2) for untrusted forms', () => {
  // The patterns safe-regex2 accepted and that then backtracked for seconds on V8.
  const ATTACKS: Array<[string, string]> = [
    ['^(a|a)*$', `${'a'.repeat(5000)}b`],
    ['^(\\w|\\d)+$', `${'1'.repeat(5000)}!`],
    ['^[a-z]+[a-z]+[a-z]+[a-z]+!$', 'a'.repeat(5000)],
  ];

  it.each(ATTACKS)('runs %s on RE2: the same answer, without backtracking', (source, input) => {
    expect(linearPatternReason(source)).toBeUndefined();
    const re = linearRegExp(source, 'u');
    // On V8 these inputs take minutes; RE2 answers in one pass (no timing asserted).
    expect(re.test(input)).toBe(false);
    expect(re.test(input.slice(0, 10).replace(/[^a-z0-9]/g, '') + (source.endsWith('!$') ? '!' : ''))).toBe(true);
  });

  it('keeps JavaScript pattern syntax: \\u escapes, named groups, classes, Danish letters', () => {
    expect(linearRegExp('^\\u00e6[øå]+$', 'u').test('æøå')).toBe(true);
    expect(linearRegExp('^(?<year>\\d{4})-\\d{2}$', 'u').test('2026-01')).toBe(true);
    expect(linearRegExp('^[0-9]{4}$', 'u').test('12345')).toBe(false);
    expect(linearRegExp('a/b', 'u').test('xa/by')).toBe(true);
  });

  it('refuses what RE2 cannot express, rather than changing its meaning', () => {
    expect(linearPatternReason('^(a)\\1$')).toMatch(/backreference/);
    expect(linearPatternReason('^(?<x>a)\\k<x>$')).toMatch(/backreference/);
    expect(linearPatternReason('^(?=a)\\w+$')).toMatch(/lookaround/);
    expect(linearPatternReason('^(?<!a)b$')).toMatch(/lookaround/);
    // Inside a class these are ordinary characters.
    expect(linearPatternReason('^[(?=]\\d$')).toBeUndefined();
  });

  it('is the engine of the untrusted Ajv: patterns and patternProperties', () => {
    const validate = createUntrustedAjv().compile({
      type: 'object',
      properties: { v: { type: 'string', pattern: '^(a|a)*$' } },
      patternProperties: { '^x(\\w|\\d)+$': { type: 'number' } },
    });
    expect(validate({ v: `${'a'.repeat(20_000)}b` })).toBe(false);
    expect(validate({ v: 'aaa', xabc1: 1 })).toBe(true);
    expect(validate({ xabc1: 'x' })).toBe(false);
  });
});
