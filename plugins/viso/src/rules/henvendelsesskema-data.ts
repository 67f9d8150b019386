import { arrayAt, isFilled, stringAt, valueAt, type IsoDate } from '@skema/core';
import { ageOfPersonOn } from '@skema/plugin-dk';
import { ydelsesprofil, type Ydelsesprofil } from './henvendelsesskema-ydelser.js';

/** Reading helpers shared by the henvendelsesskema rules. Every reader tolerates partial or mistyped data. */

export const FORM = ['henvendelsesskema'] as const;

export const GRUNDLAG = {
  medSamtykke: 'Med samtykke',
  paragraf11d: 'Samtykke forsøgt indhentet – Retssikkerhedslovens § 11d, stk. 2',
  paragraf82: 'Uden samtykke – servicelovens § 82',
  adoption: 'Adoption uden samtykke – § 11d / barnets lov § 70',
} as const;

export const GIVER = {
  borger: 'borger',
  foraeldremyndighed: 'forældremyndighedsindehaver',
  denUnge: 'den unge (fyldt 15 år)',
  vaerge: 'værge',
  fuldmagtshaver: 'fuldmagtshaver (almindelig fuldmagt / fremtidsfuldmagt)',
  naerePaaroerende: 'nære pårørende',
} as const;

/**
 * «fyldt 15 år» is set by law, not an option: 001 §2.2.2 «forsøge at indhente samtykke hos
 * forældremyndighedsindehaveren eller den unge, der er fyldt 15 år» (retssikkerhedsloven § 11d,
 * stk. 2; forældreansvarsloven leaves the decisions to the custody holder below that age).
 */
export const YOUTH_CONSENT_AGE = 15;

/** Every recorded status means the person was asked: consent was obtained, or an attempt was made (a refusal is an attempt). */
export const ASKED_STATUSES: readonly string[] = ['givet', 'forsøgt indhentet', 'afvist'];

export interface Samtykke {
  index: number;
  giver: string | undefined;
  rolle: string | undefined;
  /** The recorded status; a withdrawn consent reads as `afvist` (asked, but no consent to go on). */
  status: string | undefined;
  /** DP-05: the consent was withdrawn (001 §2.2.3 «Borgeren har altid ret til at tilbagekalde sit samtykke»). */
  tilbagekaldt: boolean;
  tilbagekaldtDato: string | undefined;
}

export const profileOf = (data: unknown): Ydelsesprofil | undefined => ydelsesprofil(valueAt(data, '/ydelse'));
export const isTrue = (data: unknown, path: string): boolean => valueAt(data, path) === true;
export const filled = (data: unknown, path: string): boolean => isFilled(valueAt(data, path));
export const grundlag = (data: unknown): string | undefined => stringAt(data, '/samtykke/samtykkegrundlag');

export function samtykker(data: unknown): Samtykke[] {
  return arrayAt(data, '/samtykke/samtykker').map((entry, index) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const tilbagekaldt = e.tilbagekaldt === true;
    return {
      index,
      giver: typeof e.giver === 'string' ? e.giver : undefined,
      rolle: typeof e.rolle === 'string' ? e.rolle : undefined,
      // The person was asked, but from the withdrawal the case cannot go on on this consent.
      status: tilbagekaldt ? 'afvist' : typeof e.status === 'string' ? e.status : undefined,
      tilbagekaldt,
      tilbagekaldtDato: typeof e.tilbagekaldtDato === 'string' ? e.tilbagekaldtDato : undefined,
    };
  });
}

/** True when someone in one of `roller` was asked (status in `statuses`). */
export function asked(data: unknown, roller: readonly string[], statuses: readonly string[] = ASKED_STATUSES): boolean {
  return samtykker(data).some(
    (s) => s.rolle !== undefined && roller.includes(s.rolle) && s.status !== undefined && statuses.includes(s.status),
  );
}

/**
 * The borger's age in completed years on `on` (the date the rule judges, `judgedOn(ctx)`): from the
 * CPR number or erstatningspersonnummer (century digit rules in plugin-dk), else from the birth date
 * recorded for a child without a CPR number.
 */
export function borgerAge(data: unknown, on: IsoDate): number | undefined {
  return ageOfPersonOn({ cpr: valueAt(data, '/borger/cpr'), foedselsdato: valueAt(data, '/borger/foedselsdato') }, on);
}

/** «Den unge (fyldt 15 år)» is a consent giver only from the 15th birthday on the judged date. */
export function isYouth(data: unknown, on: IsoDate): boolean {
  const age = borgerAge(data, on);
  return age !== undefined && age >= YOUTH_CONSENT_AGE && age < 18;
}

/** Roles that may give or be asked for consent for a child: the youth only from 15. */
export function childGivers(data: unknown, on: IsoDate): string[] {
  return isYouth(data, on)
    ? [GIVER.foraeldremyndighed, GIVER.vaerge, GIVER.denUnge]
    : [GIVER.foraeldremyndighed, GIVER.vaerge];
}

/** A minor by the CPR age; without a CPR, an unborn child or a children's/special-education referral. */
export function isMinor(data: unknown, today: IsoDate): boolean {
  const age = borgerAge(data, today);
  if (age !== undefined) return age < 18;
  if (isTrue(data, '/borger/ufoedt')) return true;
  const type = stringAt(data, '/ydelsestype');
  return type === 'børn/unge' || type === 'specialundervisning';
}

/** An adult by the CPR age; without a CPR, an adult referral (ydelsestype voksne). */
export function isAdult(data: unknown, today: IsoDate): boolean {
  const age = borgerAge(data, today);
  if (age !== undefined) return age >= 18;
  return stringAt(data, '/ydelsestype') === 'voksne' && !isTrue(data, '/borger/ufoedt');
}

/** The referral is anonymous: an anonymous ydelse, or telefonrådgivning marked anonymous. */
export function isAnonymous(data: unknown): boolean {
  const form = profileOf(data)?.borger;
  if (form === 'anonym') return true;
  if (form === 'identificeret' || form === 'ingen') return false;
  return isTrue(data, '/borger/anonym');
}

/** Whether the referral passes on personal data about one borger, so consent rules apply. */
export function concernsIdentifiedBorger(data: unknown): boolean {
  if (isAnonymous(data)) return false;
  const form = profileOf(data)?.borger;
  if (form === 'identificeret') return true;
  if (form === 'ingen') return false;
  return filled(data, '/borger/cpr') || filled(data, '/borger/navn');
}

/** Consent-givers the law accepts for the borger's age group (001 §2.2.2, §2.2.3). */
export function entitledGivers(data: unknown, today: IsoDate): string[] {
  if (isAdult(data, today)) return [GIVER.borger, GIVER.vaerge, GIVER.fuldmagtshaver];
  if (isMinor(data, today)) return childGivers(data, today);
  return [
    GIVER.borger,
    GIVER.foraeldremyndighed,
    ...(isYouth(data, today) ? [GIVER.denUnge] : []),
    GIVER.vaerge,
    GIVER.fuldmagtshaver,
  ];
}

/** True when the rule option holds a list of strings; otherwise the default. */
export function stringListOption(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;
}
