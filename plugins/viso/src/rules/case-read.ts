import { arrayAt, stringAt, type CaseDocument, type RuleContext, type RuleFinding } from '@skema/core';

/** Goals compare as their text, whitespace and case aside: a goal copied with a changed line break is the same goal. */
export const goalKey = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

export function goalTexts(values: readonly unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/** The opsamlingsnotat of a meeting type in the case, the most recently changed first. */
export function notatOf(ctx: RuleContext, moedetype: string): CaseDocument | undefined {
  return ctx.case?.all('opsamlingsnotat').find((d) => stringAt(d.data, '/moede/moedetype') === moedetype);
}

/** The goals of the latest leveranceaftale's leverancebeskrivelse in the case. */
export function leveranceGoals(doc: CaseDocument | undefined): string[] {
  return doc ? goalTexts(arrayAt(doc.data, '/leverancebeskrivelse/maal')) : [];
}

/** The finding of a cross-form rule validated outside a case: it could not check (a warning unless `requireCase`). */
export function uncheckedOutsideCase(path: string, what: { da: string; en: string }): RuleFinding {
  return {
    path,
    unchecked: true,
    message: {
      da: `Kunne ikke kontrolleres: indsendelsen hører ikke til en sag, så ${what.da} kan ikke sammenlignes.`,
      en: `Could not be checked: the submission belongs to no case, so ${what.en} cannot be compared.`,
    },
  };
}

/** `requireCase`: report a check that could not run outside a case at the rule's own severity. */
export const REQUIRE_CASE_OPTION = {
  requireCase: {
    description: {
      da: 'Kan reglen ikke kontrolleres, fordi indsendelsen ikke hører til en sag, meldes det med reglens egen alvor i stedet for som advarsel.',
      en: 'When the rule cannot be checked because the submission belongs to no case, report it at the rule’s own severity instead of as a warning.',
    },
    default: false,
    schema: { type: 'boolean' },
  },
} as const;
