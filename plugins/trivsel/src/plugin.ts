import type { SkemaPlugin, SkemaPluginFactory } from '@skema/core';
import { indsatsplanDeadlines, indsatsplanRules } from './rules/indsatsplan.js';
import { trivselsvurderingDeadlines, trivselsvurderingRules } from './rules/trivselsvurdering.js';

export const PLUGIN_NAME = '@skema/plugin-trivsel';
export const PLUGIN_VERSION = '1.0.0';

/** Rule plugin for the forms of this source family. Options are per-rule and come from the tenant. */
const plugin: SkemaPluginFactory = (): SkemaPlugin => ({
  name: PLUGIN_NAME,
  version: PLUGIN_VERSION,
  rules: [
      ...indsatsplanRules,
      ...trivselsvurderingRules,
  ],
  deadlines: [
      ...indsatsplanDeadlines,
      ...trivselsvurderingDeadlines,
  ],
});

export default plugin;
