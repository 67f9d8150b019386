import {
  createRuleContext,
  TransitionGuardRegistry,
  type Actor,
  type Approval,
  type TransitionRequest,
} from '@skema/core';
import { describe, expect, it } from 'vitest';
import { changeApprovalsToHistory } from '../migrations.js';
import plugin from '../plugin.js';
import { lev11ChangesApproved } from '../rules/leveranceaftale-approval.js';
import { changesApprovalGuards } from './changes-approval.js';

const actor = (id: string, ...roles: string[]): Actor => ({ id, roles, kind: 'person' });
const approval = (over: Partial<Approval> = {}): Approval => ({
  actorId: 'oidc:mette',
  kind: 'person',
  subject: 'mette',
  role: 'fagkonsulent',
  decision: 'approved',
  at: '2026-05-07T10:00:00.000Z',
  revision: 3,
  ...over,
});
const changes = [
  { type: 'Ændring i tidsplanen', beskrivelse: 'Arbejdsmøde flyttet' },
  { type: 'Ændring i leverancebeskrivelsen', beskrivelse: 'Nyt mål', begrundelse: 'Barnet skifter skole' },
];
const req = (over: Partial<TransitionRequest>): TransitionRequest => ({
  formId: 'leveranceaftale',
  version: '1.3.0',
  from: 'draft',
  to: 'submitted',
  data: { aendringer: changes },
  actor: actor('oidc:signe', 'caseworker'),
  approvals: [],
  ...over,
});
const decide = (over: Partial<TransitionRequest>) => TransitionGuardRegistry.fromPlugins([plugin()]).decide(req(over));

describe('LEV-11: every change is approved by a signed-in fagkonsulent (leveranceaftale 1.3.0)', () => {
  it('LEV-11 valid: a fagkonsulent’s recorded approval of the content with the changes; no changes; a fagkonsulent sending it gives the approval', () => {
    expect(decide({ approvals: [approval()] })).toEqual({ outcome: 'allow' });
    expect(decide({ data: { aendringer: [] } })).toEqual({ outcome: 'allow' });
    expect(decide({ actor: actor('oidc:mette', 'caseworker', 'fagkonsulent') })).toEqual({
      outcome: 'approve',
      as: 'fagkonsulent',
      pending: [],
    });
  });

  it('LEV-11 invalid: changes without a fagkonsulent’s approval — a typed name, a caseworker’s or a rejection does not count — are refused on sending and on approval', () => {
    const typed = { aendringer: changes.map((c) => ({ ...c, godkendtAf: 'Mette Prøvesen' })) };
    expect(decide({ data: typed })).toMatchObject({
      outcome: 'deny',
      code: 'LEV-11',
      reason: { da: 'Aftalen har 2 ændringer, som en fagkonsulent skal godkende (logget ind), før den kan indsendes.' },
    });
    expect(decide({ approvals: [approval({ role: 'caseworker' })] })).toMatchObject({
      outcome: 'deny',
      code: 'LEV-11',
    });
    expect(decide({ approvals: [approval({ decision: 'rejected' })] })).toMatchObject({
      outcome: 'deny',
      code: 'LEV-11',
    });
    const [, onApproval] = changesApprovalGuards();
    expect(
      onApproval!.check(req({ from: 'submitted', to: 'approved', actor: actor('oidc:lene', 'leder') })),
    ).toMatchObject({
      outcome: 'deny',
      code: 'LEV-11',
      reason: { da: expect.stringContaining('før den kan godkendes') },
    });
  });

  it('versions before 1.3.0 keep the typed rule: the guard lets them pass, the data rule asks for «Godkendt af»', () => {
    expect(decide({ version: '1.2.0' })).toEqual({ outcome: 'allow' });
    const data = { aendringer: [{ type: 'Ændring i tidsplanen' }] };
    expect(
      lev11ChangesApproved
        .check(data, createRuleContext({ today: '2026-06-01', formId: 'leveranceaftale', version: '1.2.0' }))
        .map((f) => f.path),
    ).toEqual(['/aendringer/0/godkendtAf']);
  });

  it('LEV-11 as a data rule from 1.3.0: no typed approver required, a description change still needs its reason', () => {
    const ctx = createRuleContext({ today: '2026-06-01', formId: 'leveranceaftale', version: '1.3.0' });
    expect(lev11ChangesApproved.check({ aendringer: changes }, ctx)).toEqual([]);
    expect(
      lev11ChangesApproved.check({ aendringer: [{ type: 'Ændring i leverancebeskrivelsen' }] }, ctx).map((f) => f.path),
    ).toEqual(['/aendringer/0/begrundelse']);
  });

  it('the migration to 1.3.0 moves typed approvers into «Tidligere indtastede godkendelser (ikke verificeret)» with the change’s number; nothing else moves', () => {
    const before = {
      tidligereGodkendelser: { fagkonsulentGodkendelse: { navn: 'Mette Prøvesen', dato: '2026-02-18' } },
      aendringer: [
        { type: 'Ændring i tidsplanen', godkendtAf: 'Mette Prøvesen', godkendtDato: '2026-04-21' },
        { type: 'Ændring i leverancebeskrivelsen', begrundelse: 'Nyt mål' },
      ],
    };
    expect(changeApprovalsToHistory(before)).toEqual({
      tidligereGodkendelser: {
        fagkonsulentGodkendelse: { navn: 'Mette Prøvesen', dato: '2026-02-18' },
        aendringer: [
          { aendring: 1, type: 'Ændring i tidsplanen', godkendtAf: 'Mette Prøvesen', godkendtDato: '2026-04-21' },
        ],
      },
      aendringer: [
        { type: 'Ændring i tidsplanen' },
        { type: 'Ændring i leverancebeskrivelsen', begrundelse: 'Nyt mål' },
      ],
    });
    expect(before.aendringer[0]).toHaveProperty('godkendtAf');
    const none = { aendringer: [{ type: 'Ændring i tidsplanen' }] };
    expect(changeApprovalsToHistory(none)).toBe(none);
    expect(plugin().migrations?.['leveranceaftale/aendringer-godkendelser']).toBe(changeApprovalsToHistory);
  });
});
