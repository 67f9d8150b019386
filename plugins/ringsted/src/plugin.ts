import type { SkemaPlugin, SkemaPluginFactory } from '@skema/core';
import { aftaleskemaDeadlines, aftaleskemaRules } from './rules/aftaleskema.js';

export const PLUGIN_NAME = '@skema/plugin-ringsted';
export const PLUGIN_VERSION = '1.0.0';

/** Rule plugin for the forms of this source family. Options are per-rule and come from the tenant. */
const plugin: SkemaPluginFactory = (): SkemaPlugin => ({
  name: PLUGIN_NAME,
  version: PLUGIN_VERSION,
  rules: [
      ...aftaleskemaRules,
  ],
  deadlines: [
      ...aftaleskemaDeadlines,
  ],
});

export default plugin;
