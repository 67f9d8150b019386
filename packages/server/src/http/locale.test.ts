import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { expectedRevision } from './etag.js';
import { localeOf } from './locale.js';

const withHeader = (value?: string) =>
  ({ get: (name: string) => (name.toLowerCase() === 'accept-language' ? value : undefined) }) as unknown as Request;

describe('localeOf', () => {
  it('picks da or en by q-value, Danish by default', () => {
    expect(localeOf(withHeader())).toBe('da');
    expect(localeOf(withHeader('en'))).toBe('en');
    expect(localeOf(withHeader('en-US,en;q=0.9'))).toBe('en');
    expect(localeOf(withHeader('de, en;q=0.5, da;q=0.8'))).toBe('da');
    expect(localeOf(withHeader('fr'))).toBe('da');
    expect(localeOf(withHeader('en;q=0'))).toBe('da');
  });
});

describe('expectedRevision', () => {
  it('reads "<id>:<revision>", * and foreign tags', () => {
    expect(expectedRevision('"abc:3"', 'abc')).toBe(3);
    expect(expectedRevision('"x:1", "abc:4"', 'abc')).toBe(4);
    expect(expectedRevision('*', 'abc')).toBe('any');
    expect(expectedRevision('"x:1"', 'abc')).toBeUndefined();
    expect(expectedRevision('W/"abc:3"', 'abc')).toBeUndefined();
  });
});
