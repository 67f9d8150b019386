import { describe, expect, it } from 'vitest';
import { issuesToErrorObjects } from './ajv-errors.js';
import { apiBase, toFormVersion } from './api.js';
import { withSchemaDefaults } from './defaults.js';
import { fieldId, parentPointer, pathToPointer, pointerToPath, valueAtPointer } from './pointer.js';
import { currentServerIssues, mergeIssues, shownIssues, toServerIssues } from './visible-issues.js';

const issue = (path: string, code = 'X') => ({
  path,
  code,
  severity: 'error' as const,
  message: `${code} at ${path}`,
  messages: { da: 'd', en: 'e' },
});

describe('pointers and ids', () => {
  it('converts JSON Forms paths and JSON Pointers both ways', () => {
    expect(pathToPointer('barn.navn')).toBe('/barn/navn');
    expect(pathToPointer('')).toBe('');
    expect(pointerToPath('/maal/0/tekst')).toBe('maal.0.tekst');
    expect(parentPointer('/a/b')).toBe('/a');
    expect(parentPointer('')).toBeUndefined();
    expect(valueAtPointer({ a: [{ b: 2 }] }, '/a/0/b')).toBe(2);
  });

  it('derives a CSS-safe id from a pointer', () => {
    expect(fieldId('/barn/cpr')).toBe('skema-field__barn__cpr');
    expect(fieldId('/a b/x~1y', 'p')).toBe('p-field__a-20-b__x-2f-y');
  });
});

describe('engine issues for JSON Forms', () => {
  it('become Ajv-like errors at their own path, with keywords JSON Forms neither drops nor re-targets', () => {
    const [required, rule] = issuesToErrorObjects([issue('/barn/navn', 'required'), issue('/iagttagelser', 'UND-02')]);
    expect(required).toMatchObject({
      instancePath: '/barn/navn',
      keyword: 'skema-required',
      message: 'required at /barn/navn',
    });
    expect(rule).toMatchObject({ instancePath: '/iagttagelser', keyword: 'UND-02', params: { code: 'UND-02' } });
  });
});

describe('which issues are shown', () => {
  it('shows nothing before a field is left, the left field’s issues after, everything after a submit', () => {
    const all = [issue('/a'), issue('/b/c'), issue('/d')];
    expect(shownIssues(all, new Set(), false)).toEqual([]);
    expect(shownIssues(all, new Set(['/b/c']), false).map((i) => i.path)).toEqual(['/b/c']);
    expect(shownIssues(all, new Set(['/b']), false).map((i) => i.path)).toEqual(['/b/c']);
    expect(shownIssues(all, new Set(), true)).toHaveLength(3);
  });

  it('drops a server issue once its field changes, and merges duplicates', () => {
    const server = toServerIssues([issue('/cpr', 'SRV')], { cpr: '1' });
    expect(currentServerIssues(server, { cpr: '1' })).toHaveLength(1);
    expect(currentServerIssues(server, { cpr: '2' })).toHaveLength(0);
    expect(mergeIssues([issue('/a', 'R')], [issue('/a', 'R'), issue('/a', 'S')])).toHaveLength(2);
  });
});

describe('schema defaults', () => {
  it('fills missing defaults (through $ref) without touching given data', () => {
    const schema = {
      type: 'object',
      properties: {
        list: { type: 'array', default: [{}, {}] },
        inner: { $ref: '#/$defs/inner' },
        given: { type: 'string', default: 'x' },
      },
      $defs: { inner: { type: 'object', properties: { flag: { type: 'boolean', default: false } } } },
    };
    const input = { given: 'kept' };
    expect(withSchemaDefaults(schema, input)).toEqual({ given: 'kept', list: [{}, {}], inner: { flag: false } });
    expect(input).toEqual({ given: 'kept' });
  });
});

describe('API client helpers', () => {
  it('accepts the API address with or without /api/v1', () => {
    expect(apiBase('')).toBe('/api/v1');
    expect(apiBase('https://skema.example/')).toBe('https://skema.example/api/v1');
    expect(apiBase('https://skema.example/api/v1')).toBe('https://skema.example/api/v1');
  });

  it('reads the form version response with the manifest flattened or nested', () => {
    const flat = toFormVersion({
      id: 'f',
      version: '1.0.0',
      title: { da: 'F', en: 'F' },
      plugins: [],
      schema: {},
      uischema: {},
      i18n: { da: {}, en: {} },
      hash: 'h',
    });
    expect(flat.manifest).toMatchObject({ id: 'f', version: '1.0.0', status: 'published' });
    const nested = toFormVersion({
      manifest: flat.manifest,
      schema: {},
      uischema: {},
      i18n: { da: {}, en: {} },
      hash: 'h',
    });
    expect(nested.manifest).toBe(flat.manifest);
  });
});
