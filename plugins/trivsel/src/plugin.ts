import type { SkemaPlugin, SkemaPluginFactory } from '@skema/core';
import { indsatsplanDeadlines, indsatsplanRules } from './rules/indsatsplan.js';
import { trivselsvurderingDeadlines, trivselsvurderingRules } from './rules/trivselsvurdering.js';
import { PACKAGE_VERSION } from './version.js';

export const PLUGIN_NAME = '@skema/plugin-trivsel';
/** From package.json (src/version.ts is generated at build), so receipts name the version that ran. */
export const PLUGIN_VERSION = PACKAGE_VERSION;

/** Rule plugin for the forms of this source family. Options are per-rule and come from the tenant. */
const plugin: SkemaPluginFactory = (): SkemaPlugin => ({
  name: PLUGIN_NAME,
  version: PLUGIN_VERSION,
  rules: [...indsatsplanRules, ...trivselsvurderingRules],
  deadlines: [...indsatsplanDeadlines, ...trivselsvurderingDeadlines],
});

export default plugin;
