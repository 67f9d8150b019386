import type { SkemaPlugin, SkemaPluginFactory } from '@skema/core';
import { aftaleskemaDeadlines, aftaleskemaRules } from './rules/aftaleskema.js';
import { PACKAGE_VERSION } from './version.js';

export const PLUGIN_NAME = '@skema/plugin-ringsted';
/** From package.json (src/version.ts is generated at build), so receipts name the version that ran. */
export const PLUGIN_VERSION = PACKAGE_VERSION;

/** Rule plugin for the forms of this source family. Options are per-rule and come from the tenant. */
const plugin: SkemaPluginFactory = (): SkemaPlugin => ({
  name: PLUGIN_NAME,
  version: PLUGIN_VERSION,
  rules: [...aftaleskemaRules],
  deadlines: [...aftaleskemaDeadlines],
});

export default plugin;
