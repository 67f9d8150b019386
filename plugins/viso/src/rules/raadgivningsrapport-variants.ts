import {
  countOption,
  arrayAt,
  isFilled,
  listAtLeast,
  valueAt,
  type LocalizedText,
  type RuleDefinition,
  type RuleFinding,
} from '@skema/core';
import { ALL_YDELSER } from './option-universes.js';
import { YDELSE } from './henvendelsesskema-ydelser.js';
import { stringList } from './opsamlingsnotat-read.js';
import { FORM, rapporttype, RAPPORT, UDREDNINGSRAPPORT, ydelse } from './raadgivningsrapport-read.js';

export const RAP_04: RuleDefinition = {
  id: 'RAP-04',
  severity: 'warning',
  appliesTo: FORM,
  description: {
    da: 'Rapporten skrives i et letforståeligt sprog og fylder højst 12–16 A4-sider; en udredningsrapport højst cirka 10–12 A4-sider.',
    en: 'The report is written in plain language and is at most 12–16 A4 pages; an assessment report at most about 10–12 pages.',
  },
  source: '001 §5.3.1 «må højst fylde 12-16 A4-sider»; §5.2.5 «må højst fylde cirka 10-12 A4-side»',
  message: {
    da: 'Rapporten fylder {antal} A4-sider; en {rapporttype} bør højst fylde {maks} sider.',
    en: 'The report is {antal} A4 pages; a {rapporttype} should be at most {maks} pages.',
  },
  options: {
    maksSiderRaadgivningsrapport: {
      description: { da: 'Højeste antal sider i en rådgivningsrapport.', en: 'Maximum pages of an advisory report.' },
      default: 16,
      schema: { type: 'integer', minimum: 1 },
    },
    maksSiderUdredningsrapport: {
      description: { da: 'Højeste antal sider i en udredningsrapport.', en: 'Maximum pages of an assessment report.' },
      default: 12,
      schema: { type: 'integer', minimum: 1 },
    },
  },
  check(data, ctx) {
    const antal = valueAt(data, '/antalSider');
    const type = rapporttype(data);
    if (typeof antal !== 'number') return [];
    const maks =
      type === UDREDNINGSRAPPORT
        ? countOption(ctx.options, 'maksSiderUdredningsrapport', 12)
        : type === RAPPORT
          ? countOption(ctx.options, 'maksSiderRaadgivningsrapport', 16)
          : undefined;
    return maks !== undefined && antal > maks
      ? [{ path: '/antalSider', params: { antal, maks, rapporttype: type!.toLowerCase() } }]
      : [];
  },
};

/** What each ydelse without a rådgivningsrapport delivers instead (spec §2.2 "Output"). */
const INSTEAD: Readonly<Record<string, LocalizedText>> = {
  [YDELSE.telefon]: { da: 'opkaldet registreres', en: 'the call is registered' },
  [YDELSE.udvidetTelefon]: { da: 'et kort notat i VIAS', en: 'a short note in VIAS' },
  [YDELSE.miniFlereBorgere]: { da: 'slides fra rådgivningen', en: 'slides from the advice' },
  [YDELSE.temaforloeb]: { da: 'slides og materialer', en: 'slides and materials' },
  [YDELSE.adoption]: { da: 'opsamlingsnotater fra hvert rådgivningsmøde', en: 'a summary of every advisory meeting' },
  [YDELSE.temadageAdoption]: { da: 'slides og et opsamlingspapir', en: 'slides and a summary paper' },
  [YDELSE.miniSagsbehandling]: {
    da: 'et kort notat i sagshistorikken i VIAS',
    en: 'a short note in the VIAS case history',
  },
};
const NO_REPORT = Object.keys(INSTEAD);
const SAGSBEHANDLING_TYPES = ['Analyserapport', 'Afslutningsnotat'];

function hasRecommendations(data: unknown): boolean {
  return arrayAt(data, '/anbefalinger').length > 0 || isFilled(valueAt(data, '/oevrigeAnbefalingerProsa'));
}

export const RAP_07: RuleDefinition = {
  id: 'RAP-07',
  severity: 'error',
  appliesTo: FORM,
  description: {
    da: 'Rapporten følger ydelsen: mini-rådgivningsforløb i en enkeltsag giver ingen anbefalinger og fremhæver henvenders pligt til at overlevere rapporten; rådgivningsforløb for borgere giver kun anbefalinger om, hvad modtageren selv kan gøre; mini-forløb vedrørende flere borgere og temaforløb giver ingen rapport; sagsbehandlingsforløb giver en analyserapport og et afslutningsnotat. Udredningsrapporter hører til rådgivningsforløb i en enkeltsag.',
    en: 'The report follows the service: a mini course in an individual case gives no recommendations and stresses the referrer’s duty to hand the report over; a course for borgere only recommends what the recipient can do; mini courses for several borgere and theme courses give no report; case-handling courses give an analysis report and a closing note. Assessment reports belong to courses in an individual case.',
  },
  source:
    '001 §3.3 «retter sig alene mod, hvad den/de pågældende selv kan gøre»; §3.5 «Der gives ikke anbefalinger. Henvender er forpligtet på at overlevere rapporten»; §3.7 «Der udarbejdes ikke rådgivningsrapport»; §3.8; §3.11 «Analyserapport … Afslutningsnotat»',
  message: {
    da: '«{label}» passer ikke til ydelsen «{ydelse}».',
    en: '"{label}" does not fit the service "{ydelse}".',
  },
  options: {
    ydelserUdenRapport: {
      description: { da: 'Ydelser, der ikke afsluttes med en rapport.', en: 'Services that do not end with a report.' },
      default: NO_REPORT,
      schema: listAtLeast(NO_REPORT, ALL_YDELSER),
    },
  },
  check(data, ctx) {
    const y = ydelse(data);
    if (y === undefined) return [];
    const type = rapporttype(data);
    const params = { ydelse: y };
    if (stringList(ctx.options.ydelserUdenRapport, NO_REPORT).includes(y)) {
      const instead = INSTEAD[y];
      return [
        {
          path: '/sag/ydelse',
          params,
          message: instead
            ? {
                da: `Ydelsen «{ydelse}» afsluttes ikke med en rapport, men med ${instead.da}.`,
                en: `The service "{ydelse}" does not end with a report but with ${instead.en}.`,
              }
            : {
                da: 'Ydelsen «{ydelse}» afsluttes ikke med en rapport.',
                en: 'The service "{ydelse}" does not end with a report.',
              },
        },
      ];
    }
    const findings: RuleFinding[] = [];
    if (y === YDELSE.sagsbehandling) {
      if (type !== undefined && !SAGSBEHANDLING_TYPES.includes(type)) {
        findings.push({
          path: '/rapporttype',
          params,
          message: {
            da: 'Rådgivningsforløb om sagsbehandling afrapporteres med en analyserapport og et afslutningsnotat.',
            en: 'Courses on case handling report with an analysis report and a closing note.',
          },
        });
      }
      return findings;
    }
    if (type !== undefined && SAGSBEHANDLING_TYPES.includes(type)) {
      findings.push({
        path: '/rapporttype',
        params,
        message: {
          da: 'Analyserapport og afslutningsnotat bruges kun i rådgivningsforløb om sagsbehandling, ikke i «{ydelse}».',
          en: 'Analysis reports and closing notes are used only in courses on case handling, not in "{ydelse}".',
        },
      });
    }
    if (type === UDREDNINGSRAPPORT && y !== YDELSE.enkeltsag) {
      findings.push({
        path: '/rapporttype',
        params,
        message: {
          da: 'Udredningsrapporter hører til rådgivningsforløb i en enkeltsag, ikke til «{ydelse}».',
          en: 'Assessment reports belong to courses in an individual case, not to "{ydelse}".',
        },
      });
    }
    if (y === YDELSE.miniEnkeltsag) {
      if (arrayAt(data, '/anbefalinger').length > 0) findings.push(noRecommendations('/anbefalinger'));
      if (isFilled(valueAt(data, '/oevrigeAnbefalingerProsa')))
        findings.push(noRecommendations('/oevrigeAnbefalingerProsa'));
      if (valueAt(data, '/variant/henvendersOverleveringspligtFremhaevet') !== true) {
        findings.push({
          path: '/variant/henvendersOverleveringspligtFremhaevet',
          message: {
            da: 'Rapporten fra et mini-rådgivningsforløb i en enkeltsag skal fremhæve, at henvender er forpligtet til at overlevere rapporten og erfaringerne: bekræft «{label}».',
            en: 'The report of a mini course in an individual case must stress the referrer’s duty to hand it over: confirm "{label}".',
          },
        });
      }
    }
    if (
      y === YDELSE.borgere &&
      hasRecommendations(data) &&
      valueAt(data, '/variant/anbefalingerAleneModtagerensHandlemuligheder') !== true
    ) {
      findings.push({
        path: '/variant/anbefalingerAleneModtagerensHandlemuligheder',
        message: {
          da: 'I et rådgivningsforløb for borgere formuleres anbefalingerne sammen med modtageren og retter sig alene mod, hvad modtageren selv kan gøre: bekræft «{label}».',
          en: 'In a course for citizens the recommendations are written with the recipient and concern only what the recipient can do: confirm "{label}".',
        },
      });
    }
    return findings;
  },
};

function noRecommendations(path: string): RuleFinding {
  return {
    path,
    message: {
      da: 'I et mini-rådgivningsforløb i en enkeltsag gives der ikke anbefalinger («Der gives ikke anbefalinger»). Beskriv i stedet temaerne for rådgivningen.',
      en: 'A mini course in an individual case gives no recommendations. Describe the themes of the advice instead.',
    },
  };
}
