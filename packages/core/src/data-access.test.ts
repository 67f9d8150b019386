import { describe, expect, it } from 'vitest';
import { arrayAt, isFilled, pointer, stringAt, valueAt } from './data-access.js';

describe('data access for rules', () => {
  const data = { a: { 'b/c': [{ d: 'x' }] }, e: '  ', f: 0 };
  it('reads values by JSON Pointer with escapes and indices', () => {
    expect(valueAt(data, pointer('a', 'b/c', 0, 'd'))).toBe('x');
    expect(valueAt(data, '/a/b~1c/0/d')).toBe('x');
    expect(valueAt(data, '/a/missing/0')).toBeUndefined();
    expect(valueAt(data, '/a/b~1c/x')).toBeUndefined();
    expect(valueAt(data, '/__proto__')).toBeUndefined();
  });
  it('treats blank strings and empty collections as not filled', () => {
    expect(isFilled(valueAt(data, '/e'))).toBe(false);
    expect(isFilled(valueAt(data, '/f'))).toBe(true);
    expect(isFilled([])).toBe(false);
    expect(isFilled(false)).toBe(true);
    expect(arrayAt(data, '/e')).toEqual([]);
    expect(stringAt(data, '/f')).toBeUndefined();
  });
});

describe('valueAt with many distinct pointers', () => {
  it('stays correct past the bound of its pointer cache', () => {
    const list = Array.from({ length: 12_500 }, (_, i) => ({ n: i }));
    for (let i = 0; i < list.length; i++) expect(valueAt({ list }, `/list/${i}/n`)).toBe(i);
    expect(valueAt({ list }, '/list/12500/n')).toBeUndefined();
    expect(valueAt({ list }, '/list/-1/n')).toBeUndefined();
  });
});
