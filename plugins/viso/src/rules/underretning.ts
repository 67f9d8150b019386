import type { DeadlineDefinition, RuleDefinition } from '@skema/core';
import { underretningAnkestyrelsenRules } from './underretning-ankestyrelsen.js';
import { underretningContentRules } from './underretning-content.js';
import { underretningDeadlineDefinitions } from './underretning-deadlines.js';

/** Business rules of the underretning form (spec §3.7). UND-07 is a warning a tenant can raise to an error. */
export const underretningRules: RuleDefinition[] = [
  ...underretningContentRules,
  ...underretningAnkestyrelsenRules,
].sort((a, b) => a.id.localeCompare(b.id));

/**
 * Process rules (P) of the underretning form: UND-01, UND-05, UND-09, and UND-08's reminder to
 * call Ankestyrelsen (UND-08's channel check is an error rule under the same code).
 */
export const underretningDeadlines: DeadlineDefinition[] = underretningDeadlineDefinitions;
