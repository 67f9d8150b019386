import { movePresent } from '@skema/core';

/**
 * Submission migrations the viso forms' `form.json` name (`migration.plugin`): from underretning
 * 1.1.0 and leveranceaftale 1.2.0 an approval is an act of a signed-in person, so names typed into
 * the old approval fields move, where a submission has them, into the form's «ikke verificeret»
 * history (`/tidligereGodkendelser`), never dropped and never read as approvals.
 */
export const visoMigrations = (): Record<string, (data: unknown) => unknown> => ({
  'underretning/tidligere-godkendelser': movePresent([{ from: '/medunderskriver', path: '/tidligereGodkendelser/medunderskriver' }]),
  'leveranceaftale/tidligere-godkendelser': movePresent([
    { from: '/fagkonsulentGodkendelse', path: '/tidligereGodkendelser/fagkonsulentGodkendelse' },
    { from: '/lederGodkendelse', path: '/tidligereGodkendelser/lederGodkendelse' },
  ]),
});
