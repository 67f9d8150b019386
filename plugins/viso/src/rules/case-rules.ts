import { arrayAt, stringAt, valueAt, type RuleDefinition, type RuleFinding } from '@skema/core';
import { BILAG_OPSAMLINGSNOTAT } from './raadgivningsrapport-read.js';
import { goalKey, goalTexts, leveranceGoals, notatOf, REQUIRE_CASE_OPTION, uncheckedOutsideCase } from './case-read.js';

/*
 * Rules across the forms of one case (spec §3.3–3.6): each reads the case's other submissions
 * (`ctx.case`, read-only) and reports on its own form. They carry the spec's rule ids; the same id
 * also checks the form on its own (in that form's rule file). Outside a case they say they could
 * not check (`unchecked`).
 */

const OPS_03_LEVERANCE: RuleDefinition = {
  id: 'OPS-03',
  severity: 'error',
  appliesTo: ['leveranceaftale'],
  description: {
    da: 'Målene fra notatet fra det afklarende møde skrives ind i den faglige leverancebeskrivelse (sagens opsamlingsnotat).',
    en: 'The goals of the clarifying meeting’s summary are copied into the delivery description (the case’s opsamlingsnotat).',
  },
  source: '001 §5.1.3 «Målene indskrives i opsamlingsnotatet og i den faglige leverancebeskrivelse»',
  message: {
    da: 'Målet «{maal}» fra opsamlingsnotatet fra det afklarende møde mangler i leverancebeskrivelsens mål.',
    en: 'The goal "{maal}" of the clarifying meeting’s summary is missing from the delivery description’s goals.',
  },
  options: REQUIRE_CASE_OPTION,
  crossForm: true,
  check(data, ctx) {
    if (!ctx.case)
      return [
        uncheckedOutsideCase('/leverancebeskrivelse/maal', {
          da: 'målene med opsamlingsnotatets',
          en: 'the goals with the summary’s',
        }),
      ];
    const notat = notatOf(ctx, 'Afklarende møde');
    if (!notat) return [];
    const present = new Set(goalTexts(arrayAt(data, '/leverancebeskrivelse/maal')).map(goalKey));
    return goalTexts(arrayAt(notat.data, '/afklarende/del2/maal'))
      .filter((g) => !present.has(goalKey(g)))
      .map((g): RuleFinding => ({
        path: '/leverancebeskrivelse/maal',
        params: { maal: g.length > 80 ? `${g.slice(0, 77)}…` : g },
      }));
  },
};

const EVA_04_CASE: RuleDefinition = {
  id: 'EVA-04',
  severity: 'error',
  appliesTo: ['evalueringsskema'],
  description: {
    da: 'Hvert mål i sagens leverancebeskrivelse vurderes på det afsluttende møde.',
    en: 'Every goal of the case’s delivery description is assessed at the closing meeting.',
  },
  source: '001 §5.1.3 «deltagerne skal vurdere, om de enkelte mål er nået»',
  message: {
    da: 'Målet «{maal}» fra leverancebeskrivelsen er ikke med i evalueringen.',
    en: 'The goal "{maal}" of the delivery description is not in the evaluation.',
  },
  options: REQUIRE_CASE_OPTION,
  crossForm: true,
  check(data, ctx) {
    if (stringAt(data, '/variant') !== 'afsluttende møde') return [];
    if (!ctx.case)
      return [
        uncheckedOutsideCase('/maal', {
          da: 'målene med leverancebeskrivelsens',
          en: 'the goals with the delivery description’s',
        }),
      ];
    const evaluated = new Set(
      arrayAt(data, '/maal')
        .map((m) => valueAt(m, '/tekst'))
        .filter((t): t is string => typeof t === 'string')
        .map(goalKey),
    );
    return leveranceGoals(ctx.case.latest('leveranceaftale'))
      .filter((g) => !evaluated.has(goalKey(g)))
      .map((g): RuleFinding => ({ path: '/maal', params: { maal: g.length > 80 ? `${g.slice(0, 77)}…` : g } }));
  },
};

const RAP_03_CASE: RuleDefinition = {
  id: 'RAP-03',
  severity: 'error',
  appliesTo: ['raadgivningsrapport'],
  description: {
    da: 'Den endelige rapport sendes med opsamlingsnotatet fra det afsluttende møde som bilag: sagen skal have det notat.',
    en: 'The final report is sent with the closing meeting’s summary attached: the case must have that summary.',
  },
  source: '001 §5.3.1 «sendes til henvender med opsamlingsnotatet som bilag, hvor ’udkast’ er fjernet»',
  message: {
    da: 'Sagen har intet opsamlingsnotat fra det afsluttende møde, som kan vedlægges den endelige rapport.',
    en: 'The case has no summary of the closing meeting to attach to the final report.',
  },
  options: REQUIRE_CASE_OPTION,
  crossForm: true,
  check(data, ctx) {
    if (stringAt(data, '/status') !== 'endelig') return [];
    const attached = arrayAt(data, '/bilag').some((b) => valueAt(b, '/type') === BILAG_OPSAMLINGSNOTAT);
    if (!attached) return []; // RAP-03 on the report itself asks for the bilag first.
    if (!ctx.case)
      return [
        uncheckedOutsideCase('/bilag', {
          da: 'bilaget med sagens opsamlingsnotat',
          en: 'the attachment with the case’s summary',
        }),
      ];
    return notatOf(ctx, 'Afsluttende møde') ? [] : [{ path: '/bilag' }];
  },
};

export const caseRules: RuleDefinition[] = [OPS_03_LEVERANCE, EVA_04_CASE, RAP_03_CASE];
