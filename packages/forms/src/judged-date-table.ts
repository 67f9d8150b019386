import { describeJudgedDate, type SkemaEngine } from '@skema/core';

// Prettier leaves the generated block as the generator writes it, so the test can compare it.
export const JUDGED_DATES_START =
  "<!-- prettier-ignore-start -->\n<!-- judged-dates: generated from the rules' judgedDate; packages/forms/src/judged-date.test.ts checks it -->";
export const JUDGED_DATES_END = '<!-- /judged-dates -->\n<!-- prettier-ignore-end -->';

/**
 * The README table of the date each rule and deadline of a plugin judges (issue #13), sorted by
 * id; rules that read no date are left out. `judged-date.test.ts` keeps the READMEs equal to it.
 */
export function judgedDateTable(engine: SkemaEngine, pluginName: string): string {
  const rows = engine
    .catalogue()
    .flatMap(({ plugin, rule, kind }) =>
      plugin.name === pluginName && rule.judgedDate
        ? [{ id: rule.id, kind, text: describeJudgedDate(rule.judgedDate).en, forms: rule.appliesTo.join(', ') }]
        : [],
    )
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }) || a.kind.localeCompare(b.kind));
  const lines = [
    '| Id | Kind | Form | Judges |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.id} | ${r.kind} | ${r.forms} | ${r.text} |`),
  ];
  return [JUDGED_DATES_START, ...lines, JUDGED_DATES_END].join('\n');
}
