import type { SensitiveField } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { searchableFields } from './list-search.js';

const cpr = (pointer: string): SensitiveField => ({ pointer, categories: ['cpr'] });
const versions = () => ['1.0.0', '1.1.0'];

describe('searchableFields (DP-02: a search looks only where the list may show)', () => {
  it('DP-02: keeps a name the policy names; drops the CPR field, a container holding one and a field inside a sensitive one', () => {
    const sensitive = [
      cpr('/barn/cpr'),
      cpr('/soeskende/*/cpr'),
      { pointer: '/helbred', categories: ['helbred'] } as SensitiveField,
    ];
    const fields = searchableFields(
      { underretning: ['/barn/navn', '/barn/cpr', '/barn', '/soeskende', '/soeskende/*/navn', '/helbred/tekst', ''] },
      versions,
      () => sensitive,
    );
    expect(fields).toEqual({ underretning: ['/barn/navn', '/soeskende/*/navn'] });
  });

  it('DP-02: a field sensitive in any version of the form is not searched; a form whose sensitive fields are unknown is left out', () => {
    const byVersion = (_: string, version: string) => (version === '1.1.0' ? [cpr('/barn/navn')] : []);
    expect(searchableFields({ f: ['/barn/navn', '/sted'] }, versions, byVersion)).toEqual({ f: ['/sted'] });
    expect(searchableFields({ f: ['/sted'] }, versions, (_, v) => (v === '1.0.0' ? [] : undefined))).toEqual({});
    expect(
      searchableFields(
        { f: ['/sted'] },
        () => [],
        () => [],
      ),
    ).toEqual({});
  });
});
