import { describe, expect, it } from 'vitest';
import { movePresent } from './move-present.js';

const toHistory = movePresent([
  { from: '/medunderskriver', path: '/tidligereGodkendelser/medunderskriver' },
  { from: '/godkendelse/godkendtAf', path: '/tidligereGodkendelser/godkendtAf' },
]);

describe('movePresent', () => {
  it('moves the fields the data holds, adding the target object once', () => {
    const data = {
      type: 'x',
      medunderskriver: { navn: 'Mette', dato: '2026-04-21' },
      godkendelse: { udfald: 'godkendt', godkendtAf: 'Lis' },
    };
    expect(toHistory(data)).toEqual({
      type: 'x',
      godkendelse: { udfald: 'godkendt' },
      tidligereGodkendelser: { medunderskriver: { navn: 'Mette', dato: '2026-04-21' }, godkendtAf: 'Lis' },
    });
    // The caller's data is untouched.
    expect(data.medunderskriver).toEqual({ navn: 'Mette', dato: '2026-04-21' });
  });

  it('leaves data without the fields unchanged, where a declared JSON Patch move would fail', () => {
    const data = { type: 'x', godkendelse: { udfald: 'sendt tilbage' } };
    expect(toHistory(data)).toEqual(data);
  });

  it('never overwrites: a target that already holds a value fails instead of dropping data', () => {
    const data = { medunderskriver: { navn: 'Ny' }, tidligereGodkendelser: { medunderskriver: { navn: 'Gammel' } } };
    expect(() => toHistory(data)).toThrow('target-occupied');
  });
});
