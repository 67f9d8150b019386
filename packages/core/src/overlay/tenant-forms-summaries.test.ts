import { describe, expect, it } from 'vitest';
import { testForm } from '../diff/test-forms.js';
import { FormRegistry } from '../registry.js';
import { TenantForms } from './tenant-forms.js';
import type { FormOverlay } from './types.js';

const base = new FormRegistry([testForm('1.0.0'), testForm('1.1.0'), testForm('2.0.0')]);
const overlay = (baseVersion: string): FormOverlay => ({
  tenantId: 'nordby',
  formId: 'testskema',
  version: '1.0.0',
  baseVersion,
  title: { da: 'Nordbys testskema' },
});
const forms = (o: FormOverlay) =>
  new TenantForms(base, new Map([['nordby', { overlays: [o], forms: new FormRegistry() }]]));

describe('TenantForms.summaries', () => {
  it('lists for a tenant with a pinned overlay only the versions it can open, with the overlay’s title', () => {
    const [summary] = forms(overlay('1.0.0')).summaries('nordby');
    expect(summary).toMatchObject({ id: 'testskema', latest: '1.0.0', title: { da: 'Nordbys testskema' } });
    expect(summary!.versions.map((v) => v.version)).toEqual(['1.0.0']);
    // The hash is the effective form's, the one the version endpoint answers with.
    expect(summary!.versions[0]!.hash).toBe(forms(overlay('1.0.0')).resolve('nordby', 'testskema', '1.0.0').hash);
  });

  it('follows an overlay pinned to a range, and leaves other tenants on the base list', () => {
    const view = forms(overlay('^1.0.0'));
    const [summary] = view.summaries('nordby');
    expect(summary!.latest).toBe('1.1.0');
    expect(summary!.versions.map((v) => v.version)).toEqual(['1.0.0', '1.1.0']);
    expect(view.summaries('demo')).toEqual(base.summaries());
    expect(view.summaries(undefined)).toEqual(base.summaries());
  });
});
