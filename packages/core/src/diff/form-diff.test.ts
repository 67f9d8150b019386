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
    expect(diff.changes.map((c) => c.kind).sort()).toEqual(['example-changed', 'manifest-changed', 'text-changed', 'uischema-changed']);
    expect(diff.changes.find((c) => c.kind === 'uischema-changed')!.message).toBe('UI schema changed at /elements/0/options');
  });

  it('treats a new plugin and a stricter rule option as major, a removed plugin as minor', () => {
    const withPlugin = testForm('2.0.0', (f) => f.manifest.plugins.push({ name: '@skema/plugin-viso', version: '^1.0.0' }));
    expect(diffFormVersions(testForm('1.0.0'), withPlugin).changes).toEqual([
      expect.objectContaining({ kind: 'plugin-added', level: 'major' }),
    ]);
    expect(diffFormVersions(withPlugin, testForm('1.0.0')).required).toBe('minor');

    const raised = testForm('2.0.0', (f) => (f.manifest.plugins[0]!.options = { 'UND-07': { severity: 'error' } }));
    expect(diffFormVersions(testForm('1.0.0'), raised).required).toBe('major');
    const threshold = testForm('2.0.0', (f) => (f.manifest.plugins[0]!.options = { 'LEV-07': { thresholdDkk: 50000 } }));
    expect(diffFormVersions(testForm('1.0.0'), threshold).changes[0]).toMatchObject({ kind: 'plugin-changed', level: 'major' });
    const newMajor = testForm('2.0.0', (f) => (f.manifest.plugins[0]!.version = '^2.0.0'));
    expect(diffFormVersions(testForm('1.0.0'), newMajor).required).toBe('major');
    const sameMajor = testForm('1.0.1', (f) => (f.manifest.plugins[0]!.version = '^1.2.0'));
    expect(diffFormVersions(testForm('1.0.0'), sameMajor).required).toBe('patch');
  });

  it('ignores the status, which changes on deprecation', () => {
    const deprecated = testForm('1.0.1', (f) => (f.manifest.status = 'deprecated'));
    expect(diffFormVersions(testForm('1.0.0'), deprecated).required).toBe('none');
  });
});
