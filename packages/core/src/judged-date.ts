import type { LocalizedText } from './issues.js';

/**
 * Which date a rule (or deadline) judges ages, deadlines and "by now" questions on. Declared on
 * the rule so the catalogue (`skema rules`, `GET /rules`) can say it; a test in `@skema/forms`
 * fails for a rule that reads a date and declares none.
 *
 * - `reference`: `judgedOn(ctx)`, the date the submission is about: the date the platform stamped
 *   on its first submission (`RuleContext.referenceDate`), today before that (a draft). Ages and
 *   legal deadlines counted from the submission use it, so a later update does not re-judge them.
 * - `field`: a date the data records (`pointer`, a JSON Pointer; `*` stands for every item of an
 *   array), e.g. the meeting's date; `fallback` is used while the field is empty; `also` names a
 *   second date the rule reads: `reference` for an age, `today` for whether something has
 *   happened by now (e.g. only meetings already held count).
 * - `today`: the clock of the validation, on purpose: whether something has happened by now (a
 *   meeting held, a date not in the future).
 */
export type JudgedDate =
  | { kind: 'reference' }
  | { kind: 'field'; pointer: string; fallback?: 'reference' | 'today'; also?: 'reference' | 'today' }
  | { kind: 'today' };

const FALLBACK: Record<'reference' | 'today', LocalizedText> = {
  reference: { da: 'ellers referencedatoen', en: 'else the reference date' },
  today: { da: 'ellers dags dato', en: 'else today' },
};

const ALSO: Record<'reference' | 'today', LocalizedText> = {
  reference: { da: 'alder på referencedatoen', en: 'age on the reference date' },
  today: { da: 'om det er sket pr. dags dato', en: 'whether it has happened by today' },
};

/** The declaration in words, as the rule catalogue shows it. */
export function describeJudgedDate(judged: JudgedDate): LocalizedText {
  switch (judged.kind) {
    case 'reference':
      return {
        da: 'referencedatoen (datoen platformen modtog indsendelsen; dags dato for en kladde)',
        en: 'the reference date (the date the platform received the submission; today for a draft)',
      };
    case 'today':
      return { da: 'dags dato (valideringens dato)', en: 'today (the date of the validation)' };
    case 'field': {
      const extra = [
        judged.fallback ? FALLBACK[judged.fallback] : undefined,
        judged.also ? ALSO[judged.also] : undefined,
      ].filter((t) => t !== undefined);
      return {
        da: [`datoen i ${judged.pointer}`, ...extra.map((t) => t.da)].join('; '),
        en: [`the date in ${judged.pointer}`, ...extra.map((t) => t.en)].join('; '),
      };
    }
  }
}
