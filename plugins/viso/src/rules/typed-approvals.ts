import { compareVersions, type RuleContext } from '@skema/core';

/**
 * From these form versions an approval or co-signature is an act of a signed-in person, recorded on
 * the submission and checked by the transition guards (UND-03, LEV-05/07); the names once typed
 * into the form are an «ikke verificeret» history. Earlier (locked) versions keep their rules on the
 * typed fields, so their data is not re-judged.
 */
const PEOPLE_APPROVE_SINCE: Readonly<Record<string, string>> = { underretning: '1.1.0', leveranceaftale: '1.2.0' };

/** Whether the rules of this form version still read the typed approval fields. */
export function readsTypedApprovals(ctx: Pick<RuleContext, 'formId' | 'version'>): boolean {
  const since = PEOPLE_APPROVE_SINCE[ctx.formId];
  return since === undefined || compareVersions(ctx.version, since) < 0;
}

/** From leveranceaftale 1.3.0 a change is approved by a signed-in fagkonsulent (the LEV-11 guard), not by a typed name. */
const CHANGES_APPROVED_BY_PEOPLE_SINCE: Readonly<Record<string, string>> = { leveranceaftale: '1.3.0' };

/** Whether LEV-11 still reads the typed `godkendtAf` of each change. */
export function readsTypedChangeApprovals(ctx: Pick<RuleContext, 'formId' | 'version'>): boolean {
  const since = CHANGES_APPROVED_BY_PEOPLE_SINCE[ctx.formId];
  return since === undefined || compareVersions(ctx.version, since) < 0;
}
