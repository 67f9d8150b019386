import { sensitiveFields } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { listedData } from './list-policy.js';

// A person record is any object whose schema holds a CPR field (issue #11); from issue #13 such a
// record may instead say «Intet CPR-nummer» with a birth date (underretning 1.2.0's /barn,
// raadgivningsrapport 1.1.0's /sag/borgere/*). The record is known from the schema, so a child
// without a CPR number is still a person record: the birth date never leaks through a container.
const schema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['a'] },
    barn: {
      type: 'object',
      properties: {
        navn: { type: 'string' },
        cpr: { type: 'string', format: 'cpr' },
        intetCprNummer: { type: 'boolean' },
        foedselsdato: { type: 'string', format: 'date' },
      },
    },
    sag: {
      type: 'object',
      properties: {
        borgere: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              navn: { type: 'string' },
              cpr: { type: 'string', format: 'cpr' },
              intetCprNummer: { type: 'boolean' },
              foedselsdato: { type: 'string', format: 'date' },
            },
          },
        },
      },
    },
  },
};
const fields = sensitiveFields(schema);
const data = {
  type: 'a',
  barn: { navn: 'Baby Testesen', intetCprNummer: true, foedselsdato: '2026-02-14' },
  sag: { borgere: [{ navn: 'Baby Testesen', intetCprNummer: true, foedselsdato: '2026-02-14' }] },
};

describe('list policy: a child without a CPR number', () => {
  it('DP-02: naming the record or its list shows neither the name nor the birth date', () => {
    const listed = listedData(data, ['/type', '/barn', '/sag/borgere'], fields);
    expect(JSON.stringify(listed.data)).not.toContain('2026-02-14');
    expect(JSON.stringify(listed.data)).not.toContain('Baby');
    expect(listed.redacted).toEqual(expect.arrayContaining(['/barn/foedselsdato', '/barn/navn']));
  });

  it('DP-02: only a field the policy names itself is shown', () => {
    expect(listedData(data, ['/barn/navn'], fields).data).toEqual({ barn: { navn: 'Baby Testesen' } });
  });
});
