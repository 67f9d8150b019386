import type { CaseBorger } from '@skema/core';
import { InvalidInputError } from '../errors.js';

/**
 * The borger must be identifiable: a CPR number, a substitute CPR number, or a birth date (spec:
 * «intet CPR-nummer» with a birth date). The CPR number is stored as `DDMMYY-XXXX`.
 */
export function normaliseBorger(borger: CaseBorger): CaseBorger {
  const name = borger.name.trim();
  if (!name)
    throw new InvalidInputError('/borger/name', 'case-borger-name', {
      da: 'Angiv borgerens navn.',
      en: 'Enter the borger’s name.',
    });
  if (!borger.cpr && !borger.substituteCpr && !borger.birthDate) {
    throw new InvalidInputError('/borger', 'case-borger-identity', {
      da: 'Angiv borgerens CPR-nummer, et erstatningsnummer eller fødselsdatoen.',
      en: 'Enter the borger’s CPR number, a substitute number or the date of birth.',
    });
  }
  const cpr = borger.cpr?.replace(/^(\d{6})-?(\d{4})$/, '$1-$2');
  return {
    name,
    ...(cpr ? { cpr } : {}),
    ...(borger.substituteCpr ? { substituteCpr: borger.substituteCpr } : {}),
    ...(borger.birthDate ? { birthDate: borger.birthDate } : {}),
  };
}

/** A title goes to lists and the worklist; a CPR-like number in it would spread personal data. */
export function checkedTitle(title: string): string {
  const t = title.trim();
  if (!t) throw new InvalidInputError('/title', 'case-title', { da: 'Angiv en titel.', en: 'Enter a title.' });
  if (/\b\d{6}-?\d{4}\b/.test(t)) {
    throw new InvalidInputError('/title', 'case-title-cpr', {
      da: 'Titlen må ikke indeholde et CPR-nummer.',
      en: 'The title must not contain a CPR number.',
    });
  }
  return t;
}
