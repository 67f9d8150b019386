import { isFilled, valueAt } from '@skema/core';
import { enumAt } from './leveranceaftale-read.js';

export const UNDERRETNING = 'underretning';

export const TYPE_KOMMUNE = 'Underretning til kommunen';
export const TYPE_AST = 'Underretning til Ankestyrelsen';
export const TYPE_BEKYMRING = 'Bekymringsskrivelse';

export const MODTAGER_KOMMUNE = 'Den stedlige kommunes underretningspostkasse';
/** The channel is part of the value: sikkermail@ast.dk with «Underretning» as the subject. */
export const MODTAGER_AST = 'Ankestyrelsen (sikkermail@ast.dk)';
export const MODTAGER_LEDELSE_OG_MYNDIGHED = 'Ledelse og myndighed';

/** The two types about a child (barnets lov); the bekymringsskrivelse concerns an adult. */
export function isAboutChild(data: unknown): boolean {
  const type = enumAt(data, '/type');
  return type === TYPE_KOMMUNE || type === TYPE_AST;
}

/** The notification is being (or has been) sent: the state the co-signature rules guard. */
export function isSending(data: unknown): boolean {
  return enumAt(data, '/status') === 'Sendt' || isFilled(valueAt(data, '/sendtDato'));
}
