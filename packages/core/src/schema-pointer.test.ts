import { describe, expect, it } from 'vitest';
import { titleAtPointer } from './schema-pointer.js';

const schema = {
  $defs: {
    person: { type: 'object', title: 'Person', properties: { navn: { type: 'string', title: 'Navn' } } },
    alias: { $ref: '#/$defs/person' },
    'a/b': { type: 'string', title: 'Skråstreg' },
  },
  type: 'object',
  properties: {
    barn: { $ref: '#/$defs/person', title: 'Barnet' },
    mor: { $ref: '#/$defs/person' },
    far: { $ref: '#/$defs/alias' },
    noter: { type: 'array', items: { type: 'string', title: 'Note' } },
    escaped: { $ref: '#/$defs/a~1b' },
    loop: { $ref: '#/properties/loop' },
  },
};

describe('titleAtPointer', () => {
  it('follows properties, items and local references', () => {
    expect(titleAtPointer(schema, '/mor')).toBe('Person');
    expect(titleAtPointer(schema, '/mor/navn')).toBe('Navn');
    expect(titleAtPointer(schema, '/far/navn')).toBe('Navn');
    expect(titleAtPointer(schema, '/noter/3')).toBe('Note');
    expect(titleAtPointer(schema, '/escaped')).toBe('Skråstreg');
  });

  it('prefers a title written beside a $ref to the shared definition’s', () => {
    expect(titleAtPointer(schema, '/barn')).toBe('Barnet');
    expect(titleAtPointer(schema, '/barn/navn')).toBe('Navn');
  });

  it('gives undefined for unknown paths and reference cycles', () => {
    expect(titleAtPointer(schema, '/ukendt')).toBeUndefined();
    expect(titleAtPointer(schema, '/mor/ukendt/dybere')).toBeUndefined();
    expect(titleAtPointer(schema, '/loop')).toBeUndefined();
  });
});
