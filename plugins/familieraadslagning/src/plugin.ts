import type { SkemaPlugin, SkemaPluginFactory } from '@skema/core';
import { familieraadslagningsplanDeadlines, familieraadslagningsplanRules } from './rules/familieraadslagningsplan.js';
import { evalueringsskemaDeadlines, evalueringsskemaRules } from './rules/evalueringsskema.js';
import { planApprovalGuard, planApprovalTransition } from './guards/plan-approval.js';
import { familieraadslagningMigrations } from './migrations.js';
import { PACKAGE_VERSION } from './version.js';

export const PLUGIN_NAME = '@skema/plugin-familieraadslagning';
/** From package.json (src/version.ts is generated at build), so receipts name the version that ran. */
export const PLUGIN_VERSION = PACKAGE_VERSION;

/** Rule plugin for the forms of this source family. Options are per-rule and come from the tenant. */
const plugin: SkemaPluginFactory = (): SkemaPlugin => ({
  name: PLUGIN_NAME,
  version: PLUGIN_VERSION,
  rules: [...familieraadslagningsplanRules, ...evalueringsskemaRules],
  deadlines: [...familieraadslagningsplanDeadlines, ...evalueringsskemaDeadlines],
  guards: [planApprovalGuard()],
  approvalTransitions: [planApprovalTransition()],
  migrations: familieraadslagningMigrations(),
});

export default plugin;
