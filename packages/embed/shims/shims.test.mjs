import realCloneDeep from 'lodash/cloneDeep.js';
import realFilter from 'lodash/filter.js';
import realFind from 'lodash/find.js';
import realMaxBy from 'lodash/maxBy.js';
import realIsEqual from 'lodash/isEqual.js';
import realMerge from 'lodash/merge.js';
import realLodash from 'lodash';
import * as basics from './lodash-basics.js';
import realSet from 'lodash/fp/set.js';
import realStartCase from 'lodash/startCase.js';
import realUnset from 'lodash/fp/unset.js';
import realSemver from 'semver';
import { describe, expect, it } from 'vitest';
import uri from './fast-uri.js';
import { set, unset } from './lodash-fp-path.js';
import cloneDeep from './lodash-clonedeep.js';
import { filter, find, maxBy } from './lodash-collection.js';
import isEqual from './lodash-isequal.js';
import merge from './lodash-merge.js';
import startCase from './lodash-startcase.js';
import { compare, satisfies, valid } from './semver.js';

describe('bundle shims behave like the libraries they replace', () => {
  it('lodash get, has, isEmpty, keys, range, includes, reduce, remove and the small ones', () => {
    // eslint-disable-next-line no-sparse-arrays -- list[1] is a hole on purpose: the paths below read it
    const data = { a: { b: [{ c: 1 }, { 'd.e': 2 }] }, 'x.y': 3, list: [0, , 2], empty: {}, zero: 0, nil: null };
    const paths = [
      'a',
      'a.b',
      'a.b.0.c',
      'a.b[0].c',
      'a.b[1]["d.e"]',
      "a.b[1]['d.e']",
      'x.y',
      'list.1',
      'list.2',
      'a.missing.c',
      '',
      '.a',
      'a..b',
      ['a', 'b', '0'],
      0,
      'nil.x',
      'zero',
      'empty',
    ];
    for (const path of paths) {
      expect(basics.get(data, path), `get ${String(path)}`).toEqual(realLodash.get(data, path));
      expect(basics.get(data, path, 'd'), `get ${String(path)} default`).toEqual(realLodash.get(data, path, 'd'));
      expect(basics.has(data, path), `has ${String(path)}`).toBe(realLodash.has(data, path));
    }
    expect(basics.get(null, 'a', 1)).toBe(realLodash.get(null, 'a', 1));
    for (const v of [null, undefined, '', 'a', [], [1], {}, { a: 1 }, 0, 1, true, new Map(), new Set([1]), () => 1])
      expect(basics.isEmpty(v), `isEmpty ${String(v)}`).toBe(realLodash.isEmpty(v));
    for (const v of [null, 'ab', [1, 2], { a: 1, b: 2 }]) expect(basics.keys(v)).toEqual(realLodash.keys(v));
    for (const args of [[4], [1, 5], [0, 10, 2], [5, 1], [1, 4, 0], [0, -4, -1], [3, 3]])
      expect(basics.range(...args), `range ${args}`).toEqual(realLodash.range(...args));
    for (const [c, v] of [
      [[1, 2, NaN], NaN],
      [['a', 'b'], 'c'],
      ['abc', 'b'],
      [{ a: 1 }, 1],
      [null, 1],
    ])
      expect(basics.includes(c, v)).toBe(realLodash.includes(c, v));
    const sum = (acc, v) => acc + v;
    expect(basics.reduce([1, 2, 3], sum)).toBe(realLodash.reduce([1, 2, 3], sum));
    expect(basics.reduce([1, 2, 3], sum, 10)).toBe(realLodash.reduce([1, 2, 3], sum, 10));
    expect(basics.reduce({ a: 1, b: 2 }, (acc, v, k) => acc + k + v, '')).toBe(
      realLodash.reduce({ a: 1, b: 2 }, (acc, v, k) => acc + k + v, ''),
    );
    expect(basics.reduce([], sum)).toBe(realLodash.reduce([], sum));
    const ours = [1, 2, 3, 4];
    const theirs = [1, 2, 3, 4];
    expect(basics.remove(ours, (v) => v % 2 === 0)).toEqual(realLodash.remove(theirs, (v) => v % 2 === 0));
    expect(ours).toEqual(theirs);
    expect(basics.endsWith('abc', 'c')).toBe(realLodash.endsWith('abc', 'c'));
    expect(basics.endsWith('abc', 'b', 2)).toBe(realLodash.endsWith('abc', 'b', 2));
    expect(basics.last([1, 2])).toBe(realLodash.last([1, 2]));
    expect(basics.last([])).toBe(realLodash.last([]));
    expect(basics.toPairs({ a: 1 })).toEqual(realLodash.toPairs({ a: 1 }));
    expect([
      basics.isFunction(() => 1),
      basics.isFunction({}),
      basics.isUndefined(undefined),
      basics.isUndefined(null),
    ]).toEqual([true, false, true, false]);
  });

  it('lodash/merge on plain JSON', () => {
    const cases = [
      [{}, { a: 1 }, { b: { c: [1, 2] } }],
      [{ a: { b: 1, keep: true } }, { a: { b: 2, c: { d: 3 } } }],
      [{ list: [{ x: 1 }, { y: 2 }] }, { list: [{ z: 3 }] }],
      [{ a: 1 }, { a: undefined, b: undefined }],
      [{ a: 'text' }, { a: { nested: true } }, null, undefined],
      [{ a: { b: 1 } }, { a: [1] }],
    ];
    for (const [target, ...sources] of cases) {
      const source = structuredClone(sources.filter((s) => s !== undefined));
      expect(merge(structuredClone(target), ...source)).toEqual(realMerge(structuredClone(target), ...source));
    }
    // Sources are copied, never aliased into the target.
    const source = { a: { b: 1 } };
    const merged = merge({}, source);
    expect(merged.a).not.toBe(source.a);
    expect(merge({}, JSON.parse('{"__proto__": {"polluted": true}}')).polluted).toBeUndefined();
  });

  it('lodash/fp set and unset', () => {
    const data = { a: { b: 1 }, list: [{ x: 1 }], keep: { y: 2 } };
    for (const [path, value] of [
      ['a.b', 2],
      ['list.0.x', 5],
      ['list.2.x', 7],
      ['new.0.name', 'n'],
      ['new.name', 'n'],
    ]) {
      const ours = set(path, value, data);
      expect(ours).toEqual(realSet(path, value, data));
      expect(ours.keep).toBe(data.keep);
    }
    expect(data).toEqual({ a: { b: 1 }, list: [{ x: 1 }], keep: { y: 2 } });
    expect(unset('a.b', data)).toEqual(realUnset('a.b', data));
    expect(unset('missing.b', data)).toEqual(realUnset('missing.b', data));
  });

  it('semver valid and compare for form versions (core compareVersions, e.g. a rule from underretning 1.1.0 on)', () => {
    for (const v of ['1.0.0', '1.1.0', '2.10.3', 'v1.2.3', ' 1.2.3 ', 'latest', '1.2', '', '1.0.0-rc.1'])
      expect(valid(v), v).toBe(realSemver.valid(v));
    const versions = [
      '1.0.0',
      '1.0.2',
      '1.1.0',
      '1.10.0',
      '2.0.0',
      '0.9.9',
      '1.0.0-rc.1',
      '1.0.0-rc.2',
      '1.0.0-alpha',
      '1.0.0-rc.10',
    ];
    for (const a of versions)
      for (const b of versions) expect(compare(a, b), `${a} ${b}`).toBe(realSemver.compare(a, b));
  });

  it('semver satisfies for the range forms the forms use', () => {
    const cases = [
      ['1.0.0', '^1.0.0'],
      ['1.4.2', '^1.0.0'],
      ['2.0.0', '^1.0.0'],
      ['0.9.0', '^1.0.0'],
      ['0.2.5', '^0.2.1'],
      ['0.3.0', '^0.2.1'],
      ['1.2.9', '~1.2.3'],
      ['1.3.0', '~1.2.3'],
      ['1.2.3', '1.2.3'],
      ['1.2.4', '1.2.3'],
      ['3.1.0', '>=2.0.0'],
      ['1.0.0', '>=1.0.0 <2.0.0'],
      ['2.0.0', '1.x || 2.x'],
    ];
    for (const [version, range] of cases)
      expect(satisfies(version, range), `${version} ${range}`).toBe(realSemver.satisfies(version, range));
  });

  it('fast-uri: parse, serialize and resolve ids and references', () => {
    const id = 'https://skema.dk/schemas/underretning/1.0.0/schema.json?hash=sha256-ab';
    expect(uri.parse(`${id}#/$defs/person`).fragment).toBe('/$defs/person');
    expect(uri.serialize(uri.parse(`${id}#/$defs/person`))).toBe(`${id}#/$defs/person`);
    expect(uri.resolve(id, '#/$defs/dato')).toBe(`${id}#/$defs/dato`);
    expect(uri.resolve('https://json-schema.org/draft/2020-12/schema', 'meta/core')).toBe(
      'https://json-schema.org/draft/2020-12/meta/core',
    );
    expect(uri.resolve(id, 'https://other.example/x')).toBe('https://other.example/x');
  });

  it('lodash startCase for ASCII property names', () => {
    const names = [
      'foraeldreOrienteret',
      'barnDeltog',
      'cpr',
      'CPR',
      'cprNummer',
      'ASTTilbagemelding',
      'kommuneOrienteretOmAST',
      'behandlesEfter151',
      'fremTilArbejdsmoeder',
      'a_b-c d',
      'fooBar2Baz',
      'XMLHttpRequest',
      "don't",
      '',
      'Trin 3',
      'lederDroeftelse',
    ];
    for (const name of names) expect(startCase(name), name).toBe(realStartCase(name));
    expect(startCase(undefined)).toBe(realStartCase(undefined));
  });

  it('lodash isEqual for JSON data, schemas and props', () => {
    const fn = () => 1;
    const pairs = [
      [
        { a: [1, { b: 'x' }], c: null },
        { a: [1, { b: 'x' }], c: null },
      ],
      [{ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }],
      [{ a: 1 }, { a: 1, b: undefined }],
      [
        [1, 2],
        [1, 2, 3],
      ],
      [NaN, NaN],
      ['1', 1],
      [{ onChange: fn }, { onChange: fn }],
      [{ onChange: fn }, { onChange: () => 1 }],
      [new Date('2026-06-01'), new Date('2026-06-01')],
      [
        { schema: { type: 'object', properties: { x: { enum: ['a', 'b'] } } } },
        { schema: { type: 'object', properties: { x: { enum: ['a', 'b'] } } } },
      ],
      [null, undefined],
      [[], {}],
    ];
    for (const [a, b] of pairs) expect(isEqual(a, b), JSON.stringify([a, b])).toBe(realIsEqual(a, b));
  });

  it('lodash cloneDeep for JSON data and schema defaults', () => {
    const values = [
      undefined,
      null,
      0,
      'tekst',
      [],
      {},
      [{ a: 1, b: [1, 2, { c: null }] }],
      { samtykke: { samtykker: [{ giver: 'A', dato: '2026-04-27' }] }, tal: 1.5, ja: true },
    ];
    for (const value of values) {
      const ours = cloneDeep(value);
      expect(ours).toEqual(realCloneDeep(value));
      if (value && typeof value === 'object') expect(ours).not.toBe(value);
    }
    const nested = { list: [{ x: 1 }] };
    const copy = cloneDeep(nested);
    copy.list[0].x = 2;
    expect(nested.list[0].x).toBe(1);
  });

  it('lodash find, filter and maxBy with function predicates', () => {
    const collections = [
      undefined,
      null,
      [],
      [1, 5, 3, 5],
      ['a', 'bb', 'c'],
      { x: 1, y: 7, z: 7 },
      [{ tester: 3 }, { tester: -1 }, { tester: 3 }],
    ];
    const predicates = [
      (v) => typeof v === 'number' && v > 2,
      (v, k) => k === 1 || k === 'y',
      (v) => v && v.tester === 3,
      () => false,
    ];
    for (const c of collections) {
      for (const p of predicates) {
        expect(find(c, p), JSON.stringify(c)).toBe(realFind(c, p));
        expect(filter(c, p), JSON.stringify(c)).toEqual(realFilter(c, p));
      }
    }
    const scores = [
      (r) => r.rank,
      (r) => (r.rank === 2 ? NaN : r.rank),
      (r) => (r.rank > 1 ? undefined : r.rank),
      () => -1,
    ];
    const renderers = [{ rank: 1 }, { rank: 3 }, { rank: 2 }, { rank: 3 }, { rank: -1 }];
    for (const score of scores) {
      for (const list of [renderers, [], undefined, [{ rank: -1 }]])
        expect(maxBy(list, score)).toBe(realMaxBy(list, score));
    }
  });
});
