import { NOT_APPLICABLE, optionIs, type RankedTester, type Tester } from '@jsonforms/core';
import { SKEMA_PLUGIN_RANK } from './controls.js';

/** Rank of a renderer the UI schema names with `options.renderer`: above every match by format or name. */
export const SKEMA_EXPLICIT_RANK = SKEMA_PLUGIN_RANK + 1;

/**
 * A renderer plugin's tester: `options.renderer: name` (where `applies` holds) ranks
 * SKEMA_EXPLICIT_RANK, so a form author's explicit choice always wins over another plugin that
 * recognises the field by format or name; a match by `recognises` ranks SKEMA_PLUGIN_RANK.
 */
export function pluginTester(name: string, applies: Tester, recognises: Tester): RankedTester {
  const named = optionIs('renderer', name);
  return (uischema, schema, context) => {
    if (!applies(uischema, schema, context)) return NOT_APPLICABLE;
    if (named(uischema, schema, context)) return SKEMA_EXPLICIT_RANK;
    return recognises(uischema, schema, context) ? SKEMA_PLUGIN_RANK : NOT_APPLICABLE;
  };
}
