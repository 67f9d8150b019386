import { describe, expect, it } from 'vitest';
import { sensitiveCategoriesIn, sensitiveFieldsWithin, sensitivePaths, withoutSensitive } from './sensitive-data.js';
import type { SensitiveField } from './sensitive-fields.js';

const fields: SensitiveField[] = [
  { pointer: '/barn/cpr', categories: ['cpr'] },
  { pointer: '/soeskende/*/cpr', categories: ['cpr'] },
  { pointer: '/problemer', categories: ['sociale-forhold'] },
  { pointer: '/diagnoser/*', categories: ['helbred'] },
  { pointer: '/helbred', categories: ['helbred'] },
  { pointer: '/helbred/cpr', categories: ['cpr'] },
];

const data = () => ({
  barn: { navn: 'Testbarn', cpr: '010120-9999' },
  soeskende: [{ navn: 'A', cpr: '020218-9998' }, { navn: 'B' }, { navn: 'C', cpr: '030316-9997' }],
  problemer: ['Misbrug'],
  diagnoser: ['ADHD', 'Astma'],
  helbred: { note: 'x', cpr: '010120-9999' },
  noter: 'almindelig tekst',
});

describe('DP-02 sensitivePaths', () => {
  it('DP-02: expands `*` to the elements present and lists each value with its categories', () => {
    expect(sensitivePaths(data(), fields)).toEqual([
      { pointer: '/barn/cpr', categories: ['cpr'] },
      { pointer: '/soeskende/0/cpr', categories: ['cpr'] },
      { pointer: '/soeskende/2/cpr', categories: ['cpr'] },
      { pointer: '/problemer', categories: ['sociale-forhold'] },
      { pointer: '/diagnoser/0', categories: ['helbred'] },
      { pointer: '/diagnoser/1', categories: ['helbred'] },
      { pointer: '/helbred', categories: ['helbred'] },
      { pointer: '/helbred/cpr', categories: ['cpr'] },
    ]);
    expect(sensitiveCategoriesIn(data(), fields)).toEqual(['cpr', 'helbred', 'sociale-forhold']);
  });

  it('DP-02: empty and absent values disclose nothing; wrong shapes are skipped', () => {
    const sparse = { barn: { cpr: '' }, soeskende: 'ikke en liste', problemer: [], helbred: null, diagnoser: [' '] };
    expect(sensitivePaths(sparse, fields)).toEqual([]);
    expect(sensitiveCategoriesIn(sparse, fields)).toEqual([]);
    expect(sensitivePaths(undefined, fields)).toEqual([]);
  });

  it('DP-02: `*` on an object stands for each of its members; escaped names stay escaped', () => {
    expect(
      sensitivePaths({ m: { 'a/b': '1', c: '2' } }, [{ pointer: '/m/*', categories: ['cpr'] }]).map((p) => p.pointer),
    ).toEqual(['/m/a~1b', '/m/c']);
  });
});

describe('DP-02 withoutSensitive', () => {
  it('DP-02: removes object members with their key, and an array of sensitive elements as a whole', () => {
    const input = data();
    const { data: out, redacted } = withoutSensitive(input, fields);
    expect(out).toEqual({
      barn: { navn: 'Testbarn' },
      soeskende: [{ navn: 'A' }, { navn: 'B' }, { navn: 'C' }],
      noter: 'almindelig tekst',
    });
    expect(redacted).toEqual([
      '/barn/cpr',
      '/soeskende/0/cpr',
      '/soeskende/2/cpr',
      '/problemer',
      '/diagnoser',
      '/helbred',
    ]);
    expect(input).toEqual(data());
    expect(JSON.stringify(out)).not.toMatch(/\d{6}-\d{4}/);
  });

  it('DP-02: a deep copy even when nothing is sensitive', () => {
    const input = { noter: { tekst: 'x' } };
    const { data: out, redacted } = withoutSensitive(input, fields);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(redacted).toEqual([]);
  });

  it('DP-02: an element of a nested array takes its outermost array; a sensitive root leaves {}', () => {
    const nested = { tabel: [['010120-9999'], ['x']], navn: 'y' };
    expect(withoutSensitive(nested, [{ pointer: '/tabel/*/0', categories: ['cpr'] }])).toEqual({
      data: { navn: 'y' },
      redacted: ['/tabel'],
    });
    expect(withoutSensitive({ a: 1 }, [{ pointer: '', categories: ['helbred'] }])).toEqual({
      data: {},
      redacted: [''],
    });
  });
});

describe('DP-02 sensitiveFieldsWithin', () => {
  it('DP-02: rebases the fields on a part of the data, for what a JSON Patch value discloses', () => {
    expect(sensitiveFieldsWithin(fields, '/soeskende/1')).toEqual([{ pointer: '/cpr', categories: ['cpr'] }]);
    expect(sensitiveFieldsWithin(fields, '/soeskende')).toEqual([{ pointer: '/*/cpr', categories: ['cpr'] }]);
    expect(sensitiveFieldsWithin(fields, '/helbred/note')).toEqual([{ pointer: '', categories: ['helbred'] }]);
    expect(sensitiveFieldsWithin(fields, '/noter')).toEqual([]);
    const sibling = { navn: 'D', cpr: '040414-9996' };
    expect(sensitiveCategoriesIn(sibling, sensitiveFieldsWithin(fields, '/soeskende/3'))).toEqual(['cpr']);
    expect(sensitiveCategoriesIn('D', sensitiveFieldsWithin(fields, '/soeskende/3/navn'))).toEqual([]);
  });
});
