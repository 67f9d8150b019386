import {
  countOption,
  compareDates,
  isIsoDate,
  judgedOn,
  stringAt,
  valueAt,
  type DeadlineDefinition,
  type DeadlineFinding,
  type IsoDate,
} from '@skema/core';
import {
  FORM,
  GRUNDLAG,
  asked,
  concernsIdentifiedBorger,
  entitledGivers,
  filled,
  grundlag,
  isTrue,
} from './henvendelsesskema-data.js';

const dateAt = (data: unknown, path: string): IsoDate | undefined => {
  const value = stringAt(data, path);
  return isIsoDate(value) ? value : undefined;
};

/** Same test as HEN-02/HEN-03: no basis, or no consent obtained or attempted from an entitled giver. */
function consentMissing(data: unknown, today: IsoDate): boolean {
  if (!concernsIdentifiedBorger(data)) return false;
  const basis = grundlag(data);
  if (!basis) return true;
  if (basis === GRUNDLAG.paragraf82) return false;
  return !asked(data, entitledGivers(data, today));
}

/** Process rules (P) of the referral: screening, distribution, first contact and press attention (001 §4.2, §5.1.1, bilag 11). */
export const henvendelsesskemaFrister: DeadlineDefinition[] = [
  {
    id: 'HEN-15',
    appliesTo: FORM,
    source: '001 §4.2',
    judgedDate: { kind: 'field', pointer: '/visitation/modtagetDato', fallback: 'today' },
    description: {
      da: 'Før registrering undersøger Team Support, om borgeren indgår i et igangværende forløb; i så fald afgør forløbets fagkonsulent, om henvendelsen journaliseres dér eller oprettes som nyt forløb.',
      en: 'Before registration Team Support checks for an ongoing course on the same CPR; its fagkonsulent decides whether to journalise there or open a new course.',
    },
    derive(data, ctx) {
      if (!concernsIdentifiedBorger(data) || !filled(data, '/borger/cpr')) return [];
      const from = dateAt(data, '/visitation/modtagetDato') ?? ctx.today;
      const due = dateAt(data, '/visitation/registreringsdato') ?? from;
      const ongoing = valueAt(data, '/visitation/igangvaerendeForloeb');
      if (ongoing === true) {
        return [
          {
            path: '/visitation/igangvaerendeForloebBeslutning',
            label: {
              da: 'Fagkonsulenten på det igangværende forløb afgør: journalisér på forløbet eller opret nyt forløb',
              en: 'The ongoing course’s fagkonsulent decides: journalise there or open a new course',
            },
            due,
            basis: { from, amount: 0, unit: 'dage' },
            met: filled(data, '/visitation/igangvaerendeForloebBeslutning'),
          },
        ];
      }
      return [
        {
          path: '/visitation/igangvaerendeForloeb',
          label: {
            da: 'Undersøg før registrering, om borgeren indgår i et igangværende VISO-forløb',
            en: 'Before registration, check whether the borger is in an ongoing VISO course',
          },
          due,
          basis: { from, amount: 0, unit: 'dage' },
          met: ongoing === false,
        },
      ];
    },
  },
  {
    id: 'HEN-16',
    appliesTo: FORM,
    source: '001 §4.2',
    judgedDate: { kind: 'field', pointer: '/visitation/screeningsdato', also: 'reference' },
    description: {
      da: 'Mangler samtykket ved screeningen, registreres henvendelsen ikke (afventer fagkonsulent), og Team Support kontakter straks en fagkonsulent. «kontakte en fagkonsulent uden at registrere henvendelsen i VIAS».',
      en: 'If consent is missing at screening, the referral stays unregistered (awaiting fagkonsulent) and Team Support contacts a fagkonsulent at once.',
    },
    derive(data, ctx) {
      const screened = dateAt(data, '/visitation/screeningsdato');
      if (!screened || !consentMissing(data, judgedOn(ctx))) return [];
      return [
        {
          path: '/visitation/fagkonsulentKontaktetOmSamtykke',
          label: {
            da: 'Samtykke mangler: kontakt en fagkonsulent, og registrér ikke henvendelsen i VIAS (afventer fagkonsulent)',
            en: 'Consent missing: contact a fagkonsulent and do not register the referral in VIAS (awaiting fagkonsulent)',
          },
          due: screened,
          basis: { from: screened, amount: 0, unit: 'dage' },
          met: isIsoDate(stringAt(data, '/visitation/fagkonsulentKontaktetOmSamtykke')),
        },
      ];
    },
  },
  {
    id: 'HEN-17',
    appliesTo: FORM,
    source: '001 §4.2',
    judgedDate: { kind: 'field', pointer: '/visitation/fordelingsdato' },
    description: {
      da: 'Ved fordelingen sendes et kvitteringsbrev med fagkonsulentens navn til henvender og et persondatabrev til borgeren og forældremyndighedsindehaveren; begge journaliseres.',
      en: 'On distribution, a receipt naming the fagkonsulent goes to the referrer and a personal-data letter to the borger and the custody holder; both are journalised.',
    },
    derive(data) {
      const fordelt = dateAt(data, '/visitation/fordelingsdato');
      if (!fordelt) return [];
      const basis = { from: fordelt, amount: 0, unit: 'dage' as const };
      const findings: DeadlineFinding[] = [
        {
          path: '/visitation/kvitteringsbrevSendt',
          label: {
            da: 'Send kvitteringsbrev med fagkonsulentens navn til henvender',
            en: 'Send the receipt naming the fagkonsulent to the referrer',
          },
          due: fordelt,
          basis,
          met: isIsoDate(stringAt(data, '/visitation/kvitteringsbrevSendt')),
        },
      ];
      if (concernsIdentifiedBorger(data)) {
        findings.push({
          path: '/visitation/persondatabrevSendt',
          label: {
            da: 'Send persondatabrev til borgeren og forældremyndighedsindehaveren',
            en: 'Send the personal-data letter to the borger and the custody holder',
          },
          due: fordelt,
          basis,
          met: isIsoDate(stringAt(data, '/visitation/persondatabrevSendt')),
        });
      }
      return findings;
    },
  },
  {
    id: 'HEN-18',
    appliesTo: FORM,
    source: '001 §3.4, §5.1.1',
    judgedDate: { kind: 'field', pointer: '/visitation/fordelingsdato' },
    description: {
      da: 'Fagkonsulenten kontakter henvenderen senest syv arbejdsdage efter fordelingen og noterer datoen for 1. kontakt. «kontakter henvenderen senest syv arbejdsdage efter fordelingen … noterer dato for 1. kontakt».',
      en: 'The fagkonsulent contacts the referrer within seven working days of distribution and records the date of first contact.',
    },
    options: {
      arbejdsdage: {
        description: {
          da: 'Frist for 1. kontakt i arbejdsdage efter fordelingen.',
          en: 'Working days after distribution for the first contact.',
        },
        default: 7,
        schema: { type: 'integer', minimum: 1 },
      },
    },
    derive(data, ctx) {
      const fordelt = dateAt(data, '/visitation/fordelingsdato');
      if (!fordelt) return [];
      const days = countOption(ctx.options, 'arbejdsdage', 7);
      const due = ctx.calendar.addWorkingDays(fordelt, days);
      const contact = dateAt(data, '/visitation/dato1Kontakt');
      return [
        {
          path: '/visitation/dato1Kontakt',
          label: {
            da: `Kontakt henvender senest ${days} arbejdsdage efter fordelingen, og notér dato for 1. kontakt`,
            en: `Contact the referrer within ${days} working days of distribution and record the date of first contact`,
          },
          due,
          basis: { from: fordelt, amount: days, unit: 'arbejdsdage' },
          met: contact !== undefined && compareDates(contact, due) <= 0,
        },
      ];
    },
  },
  {
    id: 'HEN-24',
    appliesTo: FORM,
    source: '001 bilag 11',
    judgedDate: { kind: 'field', pointer: '/visitation/visoLederOrienteret', fallback: 'today' },
    description: {
      da: 'Ved pressebevågenhed involveres nærmeste VISO-leder straks. «Sikre at nærmeste VISO-leder straks involveres ved pressebevågenhed».',
      en: 'With press attention the nearest VISO leader is involved at once.',
    },
    derive(data, ctx) {
      if (!isTrue(data, '/oplysningshjul/pressebevaagenhed')) return [];
      const informed = dateAt(data, '/visitation/visoLederOrienteret');
      return [
        {
          path: '/visitation/visoLederOrienteret',
          label: {
            da: 'Orientér straks nærmeste VISO-leder om pressebevågenheden',
            en: 'Inform the nearest VISO leader of the press attention at once',
          },
          due: informed ?? ctx.today,
          basis: { from: informed ?? ctx.today, amount: 0, unit: 'dage' },
          met: informed !== undefined,
        },
      ];
    },
  },
];
