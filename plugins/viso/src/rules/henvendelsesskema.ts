import type { DeadlineDefinition, RuleDefinition } from '@skema/core';
import { afgraensningRules } from './henvendelsesskema-afgraensning.js';
import { faellesForaeldremyndighed } from './henvendelsesskema-faelles-foraeldremyndighed.js';
import { henvendelsesskemaFrister } from './henvendelsesskema-frister.js';
import { henvenderRules } from './henvendelsesskema-henvender.js';
import { samtykkeRules } from './henvendelsesskema-samtykke.js';
import { samtykkeVoksneRules } from './henvendelsesskema-samtykke-voksne.js';

/**
 * Business rules of the henvendelsesskema form (spec §3.1), E and W rules by spec id.
 * HEN-01 is checked here on the creation route (`oprettelse`); that a leveranceaftale/forløb
 * refers to a henvendelse is for the forms that create the forløb to check.
 */
export const henvendelsesskemaRules: RuleDefinition[] = [
  ...henvenderRules,
  ...samtykkeRules,
  ...samtykkeVoksneRules,
  ...afgraensningRules,
  faellesForaeldremyndighed,
].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

/** Process rules (P) of the henvendelsesskema form: derived deadlines and reminders (HEN-15–18, HEN-24). */
export const henvendelsesskemaDeadlines: DeadlineDefinition[] = henvendelsesskemaFrister;
