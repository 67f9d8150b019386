import { movePresent } from '@skema/core';

/**
 * Submission migrations the plan's `form.json` names (`migration.plugin`): from 2.1.0 the plan is
 * approved by a signed-in person (FRL-03), so a name typed into `/godkendelse/godkendtAf` moves,
 * where a plan has one, into the «ikke verificeret» history (`/tidligereGodkendelser`).
 */
export const familieraadslagningMigrations = (): Record<string, (data: unknown) => unknown> => ({
  'familieraadslagningsplan/tidligere-godkendelser': movePresent([
    { from: '/godkendelse/godkendtAf', path: '/tidligereGodkendelser/godkendtAf' },
  ]),
});
