import type { DeadlineDefinition, RuleDefinition } from '@skema/core';
import { leveranceaftaleApprovalRules } from './leveranceaftale-approval.js';
import { leveranceaftaleBudgetRules } from './leveranceaftale-budget.js';
import { leveranceaftaleContentRules } from './leveranceaftale-content.js';
import { leveranceaftaleDeadlineDefinitions } from './leveranceaftale-deadlines.js';
import { lev10CaseBorger } from './leveranceaftale-sag.js';

/**
 * Business rules of the leveranceaftale form (spec §3.4). LEV-08 has two definitions under one
 * code: the error (øvrige udgifter agreed in advance) and the warning (documentation kept); so has
 * LEV-10: the siblings' split budget, and (from 1.1.0) the case's own borger.
 */
export const leveranceaftaleRules: RuleDefinition[] = [
  ...leveranceaftaleBudgetRules,
  ...leveranceaftaleContentRules,
  ...leveranceaftaleApprovalRules,
  lev10CaseBorger,
].sort((a, b) => a.id.localeCompare(b.id));

/** Process rules (P) of the leveranceaftale form: LEV-01, LEV-15, LEV-18, LEV-19. */
export const leveranceaftaleDeadlines: DeadlineDefinition[] = leveranceaftaleDeadlineDefinitions;
