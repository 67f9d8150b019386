import { createCaseContext, createRuleContext, type CaseDocument, type RuleContext } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { lev01ProposalDeadline } from './leveranceaftale-deadlines.js';
import { caseRules } from './case-rules.js';

const rule = (id: string, formId: string) => {
  const r = caseRules.find((x) => x.id === id && x.appliesTo.includes(formId));
  if (!r) throw new Error(`${id} on ${formId} missing`);
  return r;
};

let n = 0;
const doc = (formId: string, data: unknown, updatedAt = '2026-03-01T09:00:00.000Z'): CaseDocument => ({
  id: `s${++n}`,
  formId,
  version: '1.1.0',
  status: 'submitted',
  data,
  updatedAt,
});
const inCase = (...docs: CaseDocument[]): RuleContext =>
  createRuleContext({ case: createCaseContext('c1', docs), today: '2026-03-10' });

const notat = doc('opsamlingsnotat', {
  moede: { moedetype: 'Afklarende møde' },
  afklarende: { del2: { maal: ['Asta kommer i skole tre dage om ugen', 'Forældrene har en fælles morgenrutine'] } },
  udsendelse: { udsendtDato: '2026-03-02' },
});
const leverance = (maal: string[]) => ({ leverancebeskrivelse: { maal } });

describe('OPS-03 across forms: the notat’s goals are in the leverancebeskrivelse', () => {
  const ops03 = rule('OPS-03', 'leveranceaftale');

  it('passes when every goal is carried over (whitespace and case aside)', () => {
    expect(
      ops03.check(
        leverance(['asta kommer i skole  tre dage om ugen', 'Forældrene har en fælles morgenrutine', 'Et nyt mål']),
        inCase(notat),
      ),
    ).toEqual([]);
  });

  it('fires for a dropped goal, naming it', () => {
    const findings = ops03.check(leverance(['Asta kommer i skole tre dage om ugen']), inCase(notat));
    expect(findings).toEqual([
      { path: '/leverancebeskrivelse/maal', params: { maal: 'Forældrene har en fælles morgenrutine' } },
    ]);
  });

  it('says it could not check outside a case', () => {
    expect(ops03.check(leverance([]), createRuleContext())).toMatchObject([
      { path: '/leverancebeskrivelse/maal', unchecked: true },
    ]);
  });
});

describe('EVA-04 across forms: every goal of the case’s leverancebeskrivelse is evaluated', () => {
  const eva04 = rule('EVA-04', 'evalueringsskema');
  const lev = doc('leveranceaftale', leverance(['Mål A', 'Mål B']));

  it('passes when both goals are evaluated', () => {
    expect(
      eva04.check({ variant: 'afsluttende møde', maal: [{ tekst: 'Mål A' }, { tekst: 'mål b' }] }, inCase(lev)),
    ).toEqual([]);
  });

  it('fires for a goal left out', () => {
    expect(eva04.check({ variant: 'afsluttende møde', maal: [{ tekst: 'Mål A' }] }, inCase(lev))).toEqual([
      { path: '/maal', params: { maal: 'Mål B' } },
    ]);
  });

  it('says it could not check outside a case, and is silent before the closing meeting', () => {
    expect(eva04.check({ variant: 'afsluttende møde', maal: [] }, createRuleContext())).toMatchObject([
      { unchecked: true },
    ]);
    expect(eva04.check({ variant: 'midtvejsmøde' }, createRuleContext())).toEqual([]);
  });
});

describe('RAP-03 across forms: the final report’s bilag is the case’s closing notat', () => {
  const rap03 = rule('RAP-03', 'raadgivningsrapport');
  const report = {
    status: 'endelig',
    bilag: [{ type: 'Opsamlingsnotat fra det afsluttende møde', titel: 'Opsamling' }],
  };

  it('passes when the case has the closing meeting’s notat', () => {
    expect(rap03.check(report, inCase(doc('opsamlingsnotat', { moede: { moedetype: 'Afsluttende møde' } })))).toEqual(
      [],
    );
  });

  it('fires when the case has no closing notat', () => {
    expect(rap03.check(report, inCase(notat))).toEqual([{ path: '/bilag' }]);
  });

  it('says it could not check outside a case', () => {
    expect(rap03.check(report, createRuleContext())).toMatchObject([{ path: '/bilag', unchecked: true }]);
  });
});

describe('LEV-01 across forms: the proposal deadline counts from the notat recorded in the case', () => {
  it('derives the deadline from the afklarende notat’s send date when the leveranceaftale does not record it', () => {
    const ctx = { ...inCase(notat), options: { days: 5 } };
    expect(lev01ProposalDeadline.derive({}, ctx)).toMatchObject([
      { due: '2026-03-07', basis: { from: '2026-03-02', amount: 5 } },
    ]);
  });

  it('derives nothing without a case and without the date', () => {
    expect(lev01ProposalDeadline.derive({}, createRuleContext({ options: { days: 5 } }))).toEqual([]);
  });
});
