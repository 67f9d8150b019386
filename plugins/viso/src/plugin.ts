import type { SkemaPlugin, SkemaPluginFactory } from '@skema/core';
import { henvendelsesskemaDeadlines, henvendelsesskemaRules } from './rules/henvendelsesskema.js';
import { raadgivningslogDeadlines, raadgivningslogRules } from './rules/raadgivningslog.js';
import { leveranceaftaleDeadlines, leveranceaftaleRules } from './rules/leveranceaftale.js';
import { underretningDeadlines, underretningRules } from './rules/underretning.js';
import { evalueringsskemaDeadlines, evalueringsskemaRules } from './rules/evalueringsskema.js';
import { opsamlingsnotatDeadlines, opsamlingsnotatRules } from './rules/opsamlingsnotat.js';
import { raadgivningsrapportDeadlines, raadgivningsrapportRules } from './rules/raadgivningsrapport.js';
import { forankringsplanDeadlines, forankringsplanRules } from './rules/forankringsplan.js';
import { generalDeadlines, generalRules } from './rules/general.js';
import { caseRules } from './rules/case-rules.js';
import { visoAccess, visoGuards } from './guards/index.js';
import { visoMigrations } from './migrations.js';
import { PACKAGE_VERSION } from './version.js';

export const PLUGIN_NAME = '@skema/plugin-viso';
/** From package.json (src/version.ts is generated at build), so receipts name the version that ran. */
export const PLUGIN_VERSION = PACKAGE_VERSION;

/** Rule plugin for the forms of this source family. Options are per-rule and come from the tenant. */
const plugin: SkemaPluginFactory = (): SkemaPlugin => ({
  name: PLUGIN_NAME,
  version: PLUGIN_VERSION,
  rules: [
    ...henvendelsesskemaRules,
    ...raadgivningslogRules,
    ...leveranceaftaleRules,
    ...underretningRules,
    ...evalueringsskemaRules,
    ...opsamlingsnotatRules,
    ...raadgivningsrapportRules,
    ...forankringsplanRules,
    ...generalRules,
    ...caseRules,
  ],
  deadlines: [
    ...henvendelsesskemaDeadlines,
    ...raadgivningslogDeadlines,
    ...leveranceaftaleDeadlines,
    ...underretningDeadlines,
    ...evalueringsskemaDeadlines,
    ...opsamlingsnotatDeadlines,
    ...raadgivningsrapportDeadlines,
    ...forankringsplanDeadlines,
    ...generalDeadlines,
  ],
  guards: visoGuards(),
  access: visoAccess(),
  migrations: visoMigrations(),
});

export default plugin;
