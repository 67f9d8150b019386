import { describe, expect, it } from 'vitest';
import { createRuleContext } from '@skema/core';
import { lev05StartAfterApproval, lev07HighPriceApproval } from './leveranceaftale-approval.js';
import { und03CoSignature } from './underretning-content.js';
import { readsTypedApprovals } from './typed-approvals.js';
import { visoMigrations } from '../migrations.js';

const ctx = (formId: string, version: string) => createRuleContext({ today: '2026-06-01', formId, version });

describe('typed approvals are history from underretning 1.1.0 and leveranceaftale 1.2.0 (issue #14)', () => {
  it('the versions before keep reading the typed fields (locked data is not re-judged)', () => {
    expect(readsTypedApprovals({ formId: 'underretning', version: '1.0.2' })).toBe(true);
    expect(readsTypedApprovals({ formId: 'underretning', version: '1.1.0' })).toBe(false);
    expect(readsTypedApprovals({ formId: 'leveranceaftale', version: '1.1.0' })).toBe(true);
    expect(readsTypedApprovals({ formId: 'leveranceaftale', version: '1.2.0' })).toBe(false);
  });

  it('UND-03: a sent underretning without a typed co-signer is the guard’s to judge; a reason outside the kommune is refused at the reason', () => {
    const sent = {
      type: 'Underretning til kommunen',
      status: 'Sendt',
      udarbejdetAf: { navn: 'Anne' },
      sendtDato: '2026-04-21',
    };
    expect(und03CoSignature.check(sent, ctx('underretning', '1.0.2')).map((f) => f.path)).toEqual([
      '/medunderskriver/navn',
    ]);
    expect(und03CoSignature.check(sent, ctx('underretning', '1.1.0'))).toEqual([]);
    const ast = { ...sent, type: 'Underretning til Ankestyrelsen', udenMedunderskriftBegrundelse: 'Uenige.' };
    expect(und03CoSignature.check(ast, ctx('underretning', '1.1.0')).map((f) => f.path)).toEqual([
      '/udenMedunderskriftBegrundelse',
    ]);
    expect(und03CoSignature.check({ ...ast, type: 'Underretning til kommunen' }, ctx('underretning', '1.1.0'))).toEqual(
      [],
    );
  });

  it('LEV-05/07: no typed approval is required in 1.2.0; a running course before approval and an unflagged højpris budget still fail', () => {
    const approved = { status: 'Godkendt', hoejpris: true, aktiviteter: [] };
    expect(lev05StartAfterApproval.check(approved, ctx('leveranceaftale', '1.1.0')).map((f) => f.path)).toEqual([
      '/fagkonsulentGodkendelse/navn',
      '/fagkonsulentGodkendelse/dato',
    ]);
    expect(lev05StartAfterApproval.check(approved, ctx('leveranceaftale', '1.2.0'))).toEqual([]);
    expect(
      lev05StartAfterApproval
        .check({ status: 'Til godkendelse', forloebsstatus: 'I gang' }, ctx('leveranceaftale', '1.2.0'))
        .map((f) => f.path),
    ).toEqual(['/forloebsstatus']);
    expect(lev07HighPriceApproval.check(approved, ctx('leveranceaftale', '1.1.0')).length).toBeGreaterThan(0);
    expect(lev07HighPriceApproval.check(approved, ctx('leveranceaftale', '1.2.0'))).toEqual([]);
    const overThreshold = { status: 'Godkendt', aktiviteter: [{ aktivitet: 'x', timer: 200 }] };
    expect(lev07HighPriceApproval.check(overThreshold, ctx('leveranceaftale', '1.2.0')).map((f) => f.path)).toEqual([
      '/hoejpris',
    ]);
  });

  it('the plugin’s migrations move typed approvals into /tidligereGodkendelser and leave other data alone', () => {
    const m = visoMigrations();
    expect(m['underretning/tidligere-godkendelser']!({ status: 'Sendt', medunderskriver: { navn: 'Mette' } })).toEqual({
      status: 'Sendt',
      tidligereGodkendelser: { medunderskriver: { navn: 'Mette' } },
    });
    expect(m['underretning/tidligere-godkendelser']!({ status: 'Udkast' })).toEqual({ status: 'Udkast' });
    expect(
      m['leveranceaftale/tidligere-godkendelser']!({ lederGodkendelse: { navn: 'Lars', udfald: 'Godkendt' } }),
    ).toEqual({
      tidligereGodkendelser: { lederGodkendelse: { navn: 'Lars', udfald: 'Godkendt' } },
    });
  });
});
