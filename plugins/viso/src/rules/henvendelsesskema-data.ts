import { arrayAt, isFilled, stringAt, valueAt, type IsoDate } from '@skema/core';
import { ageFromCprOn } from '@skema/plugin-dk';
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

/** Every recorded status means the person was asked: consent was obtained, or an attempt was made (a refusal is an attempt). */
export const ASKED_STATUSES: readonly string[] = ['givet', 'forsøgt indhentet', 'afvist'];

export interface Samtykke {
  index: number;
  rolle: string | undefined;
  status: string | undefined;
}

export const profileOf = (data: unknown): Ydelsesprofil | undefined => ydelsesprofil(valueAt(data, '/ydelse'));
export const isTrue = (data: unknown, path: string): boolean => valueAt(data, path) === true;
export const filled = (data: unknown, path: string): boolean => isFilled(valueAt(data, path));
export const grundlag = (data: unknown): string | undefined => stringAt(data, '/samtykke/samtykkegrundlag');

export function samtykker(data: unknown): Samtykke[] {
  return arrayAt(data, '/samtykke/samtykker').map((entry, index) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    return {
      index,
      rolle: typeof e.rolle === 'string' ? e.rolle : undefined,
      status: typeof e.status === 'string' ? e.status : undefined,
    };
  });
}

/** True when someone in one of `roller` was asked (status in `statuses`). */
export function asked(data: unknown, roller: readonly string[], statuses: readonly string[] = ASKED_STATUSES): boolean {
  return samtykker(data).some((s) => s.rolle !== undefined && roller.includes(s.rolle) && s.status !== undefined && statuses.includes(s.status));
}

/** The borger's age in completed years on `today`, from the CPR number (century digit rules in plugin-dk). */
export function borgerAge(data: unknown, today: IsoDate): number | undefined {
  return ageFromCprOn(valueAt(data, '/borger/cpr'), today);
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
  if (isMinor(data, today)) return [GIVER.foraeldremyndighed, GIVER.vaerge, GIVER.denUnge];
  return [GIVER.borger, GIVER.foraeldremyndighed, GIVER.denUnge, GIVER.vaerge, GIVER.fuldmagtshaver];
}

/** True when the rule option holds a list of strings; otherwise the default. */
export function stringListOption(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : fallback;
}

