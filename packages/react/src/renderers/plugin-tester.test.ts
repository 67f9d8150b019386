import { formatIs, isControl, NOT_APPLICABLE, type JsonSchema, type UISchemaElement } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { SKEMA_PLUGIN_RANK } from './controls.js';
import { pluginTester, SKEMA_EXPLICIT_RANK } from './plugin-tester.js';

const schema: JsonSchema = {
  type: 'object',
  properties: { cpr: { type: 'string', format: 'cpr' }, dato: { type: 'string', format: 'date' } },
};
const control = (name: string, renderer?: string): UISchemaElement => ({
  type: 'Control',
  scope: `#/properties/${name}`,
  ...(renderer ? { options: { renderer } } : {}),
});
const context = { rootSchema: schema, config: {} };

describe('pluginTester', () => {
  const cpr = pluginTester('cpr', isControl, formatIs('cpr'));
  const date = pluginTester('date', isControl, formatIs('date'));

  it('ranks a match by format at the plugin rank', () => {
    expect(cpr(control('cpr'), schema, context)).toBe(SKEMA_PLUGIN_RANK);
    expect(cpr(control('dato'), schema, context)).toBe(NOT_APPLICABLE);
  });

  it('ranks an explicit options.renderer above another plugin that recognises the field', () => {
    const ui = control('cpr', 'date');
    expect(date(ui, schema, context)).toBe(SKEMA_EXPLICIT_RANK);
    expect(date(ui, schema, context)).toBeGreaterThan(cpr(ui, schema, context));
  });

  it('does not apply where its precondition fails, even when named', () => {
    const layout = { type: 'Group', elements: [], options: { renderer: 'cpr' } } as unknown as UISchemaElement;
    expect(cpr(layout, schema, context)).toBe(NOT_APPLICABLE);
  });
});
