import { describe, expect, it } from 'vitest';
import { diffFormVersions } from './form-diff.js';
import { testForm } from './test-forms.js';

describe('diffFormVersions', () => {
  it('requires nothing for identical content', () => {
    expect(diffFormVersions(testForm('1.0.0'), testForm('1.0.1'))).toEqual({ changes: [], required: 'none' });
  });

  it('combines schema and content changes and requires the highest level', () => {
    const next = testForm('1.1.0', (f) => {
      (f.schema.properties as Record<string, unknown>).note = { type: 'string' };
      f.i18n.da['note.label'] = 'Note';
      f.i18n.en['note.label'] = 'Note';
    });
    const diff = diffFormVersions(testForm('1.0.0'), next);
    expect(diff.required).toBe('minor');
    expect(diff.changes.map((c) => [c.path, c.kind, c.level])).toEqual([
      ['#/properties/note', 'property-added', 'minor'],
      ['i18n/da.json', 'text-changed', 'patch'],
      ['i18n/en.json', 'text-changed', 'patch'],
    ]);
    expect(diff.changes[1]!.message).toBe('texts added note.label');
  });

  it('classifies texts, UI schema, examples and manifest texts as patch', () => {
    const next = testForm('1.0.1', (f) => {
      f.i18n.da['navn.label'] = 'Fulde navn';
      f.uischema.elements = [{ type: 'Control', scope: '#/properties/navn', options: { focus: true } }];
      f.examples!.valid.push({ name: 'to', data: { navn: 'B' } });
      f.manifest.changelog = { da: 'Rettet label.', en: 'Fixed label.' };
    });
    const diff = diffFormVersions(testForm('1.0.0'), next);
    expect(diff.required).toBe('patch');
    expect(diff.changes.map((c) => c.kind).sort()).toEqual([
      'example-changed',
      'manifest-changed',
      'text-changed',
      'uischema-changed',
    ]);
    expect(diff.changes.find((c) => c.kind === 'uischema-changed')!.message).toBe(
      'UI schema changed at /elements/0/options',
    );
  });

  it('treats a new plugin and a stricter rule option as major, a removed plugin as minor', () => {
    const withPlugin = testForm('2.0.0', (f) =>
      f.manifest.plugins.push({ name: '@skema/plugin-viso', version: '^1.0.0' }),
    );
    expect(diffFormVersions(testForm('1.0.0'), withPlugin).changes).toEqual([
      expect.objectContaining({ kind: 'plugin-added', level: 'major' }),
    ]);
    expect(diffFormVersions(withPlugin, testForm('1.0.0')).required).toBe('minor');

    const raised = testForm('2.0.0', (f) => (f.manifest.plugins[0]!.options = { 'UND-07': { severity: 'error' } }));
    expect(diffFormVersions(testForm('1.0.0'), raised).required).toBe('major');
    const threshold = testForm(
      '2.0.0',
      (f) => (f.manifest.plugins[0]!.options = { 'LEV-07': { thresholdDkk: 50000 } }),
    );
    expect(diffFormVersions(testForm('1.0.0'), threshold).changes[0]).toMatchObject({
      kind: 'plugin-changed',
      level: 'major',
    });
    const newMajor = testForm('2.0.0', (f) => (f.manifest.plugins[0]!.version = '^2.0.0'));
    expect(diffFormVersions(testForm('1.0.0'), newMajor).required).toBe('major');
    const sameMajor = testForm('1.0.1', (f) => (f.manifest.plugins[0]!.version = '^1.2.0'));
    expect(diffFormVersions(testForm('1.0.0'), sameMajor).required).toBe('patch');
  });

  it('ignores the status, which changes on deprecation', () => {
    const deprecated = testForm('1.0.1', (f) => (f.manifest.status = 'deprecated'));
    expect(diffFormVersions(testForm('1.0.0'), deprecated).required).toBe('none');
  });

  it('leaves examples out on request (an effective form carries none)', () => {
    const effective = testForm('1.0.0', (f) => delete f.examples);
    expect(diffFormVersions(testForm('1.0.0'), effective).changes.map((c) => c.kind)).toEqual(['example-changed']);
    expect(diffFormVersions(testForm('1.0.0'), effective, { examples: false })).toEqual({
      changes: [],
      required: 'none',
    });
    const relabelled = testForm('1.0.0', (f) => {
      delete f.examples;
      f.i18n.da['navn.label'] = 'Fulde navn';
    });
    expect(diffFormVersions(testForm('1.0.0'), relabelled, { examples: false }).changes.map((c) => c.kind)).toEqual([
      'text-changed',
    ]);
  });
});

describe('diffFormVersions: manifest rule options', () => {
  const withOptions = (ruleOptions: Record<string, Record<string, unknown>>) =>
    testForm('1.0.0', (f) => (f.manifest.ruleOptions = ruleOptions));
  const levels = (
    a: Record<string, Record<string, unknown>>,
    b: Record<string, Record<string, unknown>>,
    catalogue?: Array<{ id: string; severity?: 'error' | 'warning' }>,
  ) =>
    diffFormVersions(withOptions(a), withOptions(b), catalogue ? { catalogue } : {}).changes.map(
      (c) => `${c.path} ${c.kind} ${c.level}`,
    );

  it('raising a rule to an error is major, lowering an error minor', () => {
    expect(levels({}, { 'AFT-02': { severity: 'error' } })).toEqual([
      'form.json#/ruleOptions/AFT-02/severity rule-option-changed major',
    ]);
    expect(levels({ 'AFT-02': { severity: 'warning' } }, { 'AFT-02': { severity: 'error' } })).toEqual([
      'form.json#/ruleOptions/AFT-02/severity rule-option-changed major',
    ]);
    expect(levels({ 'AFT-02': { severity: 'error' } }, {})).toEqual([
      'form.json#/ruleOptions/AFT-02/severity rule-option-changed minor',
    ]);
    expect(levels({}, { 'AFT-02': { severity: 'warning' } })).toEqual([
      'form.json#/ruleOptions/AFT-02/severity rule-option-changed patch',
    ]);
  });

  it('another option is major unless the rule can no longer refuse data', () => {
    expect(levels({}, { 'LEV-07': { thresholdDkk: 50000 } })).toEqual([
      'form.json#/ruleOptions/LEV-07/thresholdDkk rule-option-changed major',
    ]);
    expect(
      levels({ 'LEV-07': { severity: 'warning' } }, { 'LEV-07': { severity: 'warning', thresholdDkk: 50000 } }),
    ).toEqual(['form.json#/ruleOptions/LEV-07/thresholdDkk rule-option-changed patch']);
    // With the catalogue, the default severity decides: a warning or a deadline never refuses data.
    const catalogue = [
      { id: 'LEV-07', severity: 'warning' as const },
      { id: 'UND-FRIST' },
      { id: 'HEN-01', severity: 'error' as const },
    ];
    expect(
      levels({}, { 'LEV-07': { thresholdDkk: 1 }, 'UND-FRIST': { days: 3 }, 'HEN-01': { minAge: 2 } }, catalogue),
    ).toEqual([
      'form.json#/ruleOptions/LEV-07/thresholdDkk rule-option-changed patch',
      'form.json#/ruleOptions/UND-FRIST/days rule-option-changed patch',
      'form.json#/ruleOptions/HEN-01/minAge rule-option-changed major',
    ]);
    // Stating an error rule's own severity changes nothing.
    expect(levels({}, { 'HEN-01': { severity: 'error' } }, catalogue)).toEqual([
      'form.json#/ruleOptions/HEN-01/severity rule-option-changed patch',
    ]);
  });

  it('unchanged rule options are no change', () => {
    expect(levels({ 'AFT-02': { severity: 'error' } }, { 'AFT-02': { severity: 'error' } })).toEqual([]);
  });
});
