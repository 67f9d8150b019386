import {
  arrayAt,
  isFilled,
  isIsoDate,
  valueAt,
  type DeadlineDefinition,
  type LocalizedText,
  type RuleDefinition,
} from '@skema/core';

/** The five levels of the trivselsbarometer (spec §6, seed 002 Trin 1), exact Danish values. */
export const TRIVSELSNIVEAUER = [
  'Børn i trivsel',
  'Børn i moderat trivsel',
  'Børn i faldende trivsel',
  'Børn i udsatte trivselspositioner',
  'Børn i truede trivselspositioner',
] as const;
export type Trivselsniveau = (typeof TRIVSELSNIVEAUER)[number];

/** The three intervention types (spec §6), exact Danish values. */
export const INDSATSTYPER = [
  'Forebyggende indsats rettet mod alle børn i fællesskabet',
  'Foregribende indsats målrettet en gruppe af børn',
  'Indgribende indsats målrettet det enkelte barn',
] as const;
export type Indsatstype = (typeof INDSATSTYPER)[number];

export interface TrivselsniveauForslag {
  /** Collaborators beyond «skolen, barnet/den unge og forældre», who always cooperate. */
  samarbejdspartnere: readonly string[];
  indsatstype: Indsatstype;
}

/**
 * TRV-01: the barometer's suggestions per level (seed 002 Trin 1, spec §3.9 table). They are
 * suggestions, not constraints: a plan may choose otherwise with a reason (IND-03).
 */
export const TRV01_FORSLAG: Readonly<Record<Trivselsniveau, TrivselsniveauForslag>> = {
  'Børn i trivsel': {
    samarbejdspartnere: ['skolens ressourcepersoner'],
    indsatstype: 'Forebyggende indsats rettet mod alle børn i fællesskabet',
  },
  'Børn i moderat trivsel': {
    samarbejdspartnere: [
      'skolens ressourcepersoner',
      'konsultativ sparring med PPR og forebyggende socialrådgiver/familie-behandler',
    ],
    indsatstype: 'Forebyggende indsats rettet mod alle børn i fællesskabet',
  },
  'Børn i faldende trivsel': {
    samarbejdspartnere: ['Ressourceperson', 'PPR', 'Forebyggende socialrådgiver/familie-behandler'],
    indsatstype: 'Foregribende indsats målrettet en gruppe af børn',
  },
  'Børn i udsatte trivselspositioner': {
    samarbejdspartnere: [
      'Evt. ressourceperson',
      'PPR',
      'Forebyggende socialrådgiver og/eller rådgiver i Myndighedsafdelingen',
    ],
    indsatstype: 'Indgribende indsats målrettet det enkelte barn',
  },
  'Børn i truede trivselspositioner': {
    samarbejdspartnere: ['PPR', 'Forebyggende socialrådgiver og/eller rådgiver i Myndighedsafdelingen'],
    indsatstype: 'Indgribende indsats målrettet det enkelte barn',
  },
};

export function isTrivselsniveau(value: unknown): value is Trivselsniveau {
  return typeof value === 'string' && (TRIVSELSNIVEAUER as readonly string[]).includes(value);
}

/** The suggested intervention type for a level, or undefined when the value is not a level. */
export function suggestedIndsatstype(niveau: unknown): Indsatstype | undefined {
  return isTrivselsniveau(niveau) ? TRV01_FORSLAG[niveau].indsatstype : undefined;
}

/** The suggested collaborators for a level (beyond school, child and parents), or none. */
export function suggestedSamarbejdspartnere(niveau: unknown): readonly string[] {
  return isTrivselsniveau(niveau) ? TRV01_FORSLAG[niveau].samarbejdspartnere : [];
}

/** English names of the suggested collaborators and intervention types, for the reminder's English label. */
const ENGLISH: Readonly<Record<string, string>> = {
  'skolens ressourcepersoner': "the school's resource persons",
  'konsultativ sparring med PPR og forebyggende socialrådgiver/familie-behandler':
    'consultative sparring with PPR (educational psychology service) and the preventive social worker/family therapist',
  Ressourceperson: 'a resource person',
  'Evt. ressourceperson': 'possibly a resource person',
  PPR: 'PPR (educational psychology service)',
  'Forebyggende socialrådgiver/familie-behandler': 'the preventive social worker/family therapist',
  'Forebyggende socialrådgiver og/eller rådgiver i Myndighedsafdelingen':
    'the preventive social worker and/or a case worker in the child-welfare authority',
  'Forebyggende indsats rettet mod alle børn i fællesskabet':
    'Preventive intervention aimed at all children in the community',
  'Foregribende indsats målrettet en gruppe af børn': 'Early intervention aimed at a group of children',
  'Indgribende indsats målrettet det enkelte barn': 'Intensive intervention aimed at the individual child',
};
const english = (da: string): string => ENGLISH[da] ?? da;

// The mapping's items start with a capital in the seed's bullet list; mid-sentence only acronyms (PPR) keep it.
const midSentence = (s: string): string => (/^[A-ZÆØÅ]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
const listed = (items: readonly string[], and: string): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

/**
 * The TRV-01 suggestion for a level as one sentence (da + en), or undefined when the value is not
 * a level. Renderers show it beside the level; the deadline definition uses it as its label.
 */
export function trv01Forslagstekst(niveau: unknown): LocalizedText | undefined {
  if (!isTrivselsniveau(niveau)) return undefined;
  const { samarbejdspartnere, indsatstype } = TRV01_FORSLAG[niveau];
  return {
    da: `Foreslåede samarbejdspartnere og indsatstype: samarbejde mellem skolen, barnet/den unge og forældre samt ${listed(samarbejdspartnere.map(midSentence), 'og')}. Indsatstype: ${indsatstype}. Forslagene er vejledende, ikke krav.`,
    en: `Suggested collaborators and type of intervention: cooperation between the school, the child and the parents, and ${listed(samarbejdspartnere.map(english), 'and')}. Type of intervention: ${english(indsatstype)}. These are suggestions, not requirements.`,
  };
}

const FORM = ['trivselsvurdering'] as const;

/** The level that makes TRV-02 ask about the underretningspligt by default. */
const TRUEDE: Trivselsniveau = 'Børn i truede trivselspositioner';

const TRV_02: RuleDefinition = {
  id: 'TRV-02',
  severity: 'warning',
  appliesTo: FORM,
  description: {
    da: 'Børn i truede trivselspositioner viser tydelige tegn på alvorlig mistrivsel og/eller omsorgssvigt. Som fagperson har man en skærpet, personlig underretningspligt (barnets lov § 133), så vurderingen bør vise, at en underretning er overvejet, og hvad der blev besluttet.',
    en: 'Children in threatened well-being positions show clear signs of serious distress and/or neglect. Professionals have a heightened, personal duty to notify (barnets lov § 133), so the assessment should show that a notification was considered and what was decided.',
  },
  source:
    '002 Trin 1 «Barnet/den unge viser tydelige tegn på alvorlig mistrivsel og/eller omsorgssvigt»; 001 §8.1.1 «Det følger af barnets lov § 133 at man som fagperson har en skærpet pligt til at underrette» (d)',
  message: {
    da: 'Barnet er vurderet til et niveau, hvor underretningspligten (barnets lov § 133) skal overvejes. Udfyld «{label}».',
    en: 'The child is assessed at a level where the duty to notify (barnets lov § 133) must be considered. Fill in "{label}".',
  },
  options: {
    niveauer: {
      description: {
        da: 'De trivselsniveauer, hvor vurderingen skal vise, at underretningspligten er overvejet.',
        en: 'The well-being levels at which the assessment must show that the duty to notify was considered.',
      },
      default: [TRUEDE],
      schema: { type: 'array', items: { enum: [...TRIVSELSNIVEAUER] }, uniqueItems: true },
    },
  },
  check(data, ctx) {
    const niveau = valueAt(data, '/niveau');
    const niveauer = Array.isArray(ctx.options.niveauer) ? (ctx.options.niveauer as unknown[]) : [TRUEDE];
    if (!isTrivselsniveau(niveau) || !niveauer.includes(niveau)) return [];
    if (valueAt(data, '/underretningOvervejet/overvejet') !== true)
      return [{ path: '/underretningOvervejet/overvejet' }];
    if (!isFilled(valueAt(data, '/underretningOvervejet/begrundelse'))) {
      return [
        {
          path: '/underretningOvervejet/begrundelse',
          message: {
            da: 'Underretningspligten er overvejet: begrund beslutningen i «{label}» (fx at der er underrettet, eller hvorfor ikke).',
            en: 'The duty to notify was considered: give the reasons for the decision in "{label}" (e.g. that a notification was sent, or why not).',
          },
        },
      ];
    }
    return [];
  },
};

const TRV_01: DeadlineDefinition = {
  id: 'TRV-01',
  appliesTo: FORM,
  description: {
    da: 'Barometeret foreslår for hvert trivselsniveau samarbejdspartnere og en indsatstype. Forslaget vises som en påmindelse fra vurderingens dato, indtil det videre forløb (samarbejdspartnere, dialogmøde eller indsatsplan) er noteret. Forslagene er vejledende, ikke krav.',
    en: 'For each well-being level the barometer suggests collaborators and a type of intervention. The suggestion is shown as a reminder from the assessment date until the next steps (collaborators, dialogue meeting or intervention plan) are recorded. These are suggestions, not requirements.',
  },
  source:
    '002 Trin 1 «Her får du et overblik over, hvilke samarbejdspartnere du kan inddrage samt hvilke former for indsatser, der er relevante på de forskellige trivselsniveauer»',
  judgedDate: { kind: 'field', pointer: '/dato', fallback: 'today' },
  derive(data, ctx) {
    const label = trv01Forslagstekst(valueAt(data, '/niveau'));
    if (!label) return [];
    const dato = valueAt(data, '/dato');
    const from = isIsoDate(dato) ? dato : ctx.today;
    const met =
      arrayAt(data, '/videreForloeb/samarbejdspartnere').some(isFilled) ||
      isIsoDate(valueAt(data, '/videreForloeb/dialogmoede')) ||
      isFilled(valueAt(data, '/videreForloeb/indsatsplanReference'));
    return [{ path: '/niveau', label, due: from, basis: { from, amount: 0, unit: 'dage' }, met }];
  },
};

/** Business rules of the trivselsvurdering form (spec §3.9): TRV-02. */
export const trivselsvurderingRules: RuleDefinition[] = [TRV_02];

/** Process rules (P) of the trivselsvurdering form: the TRV-01 suggestion as a reminder. */
export const trivselsvurderingDeadlines: DeadlineDefinition[] = [TRV_01];
