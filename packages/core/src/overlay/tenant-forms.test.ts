import { describe, expect, it } from 'vitest';
import { testForm } from '../diff/test-forms.js';
import { FormNotFoundError, FormRegistry } from '../registry.js';
import { TenantForms } from './tenant-forms.js';
import type { FormOverlay } from './types.js';

const base = new FormRegistry([testForm('1.0.0')]);
const overlay = (version: string, title: string): FormOverlay => ({
  tenantId: 'nordby',
  formId: 'testskema',
  version,
  baseVersion: '^1.0.0',
  title: { da: title },
});
const own = (id: string) => new FormRegistry([testForm('1.0.0', (f) => void (f.manifest.id = id))]);

describe('TenantForms.withTenant', () => {
  it('replaces one tenant’s source in a new view and leaves the old view and other tenants alone', () => {
    const before = new TenantForms(
      base,
      new Map([
        ['nordby', { overlays: [overlay('1.0.0', 'Nordby 1')], forms: new FormRegistry() }],
        ['ringsted', { overlays: [], forms: own('egetskema') }],
      ]),
    );
    const after = before.withTenant('nordby', { overlays: [overlay('1.1.0', 'Nordby 2')], forms: own('nordbyskema') });

    expect(before.resolve('nordby', 'testskema').manifest.title.da).toBe('Nordby 1');
    expect(after.resolve('nordby', 'testskema').manifest.title.da).toBe('Nordby 2');
    expect(after.resolve('nordby', 'testskema').manifest.overlay?.version).toBe('1.1.0');
    expect(after.resolve('nordby', 'nordbyskema').manifest.id).toBe('nordbyskema');
    expect(() => before.resolve('nordby', 'nordbyskema')).toThrow(FormNotFoundError);
    expect(after.resolve('ringsted', 'egetskema').manifest.id).toBe('egetskema');
    expect(after.source('nordby')?.overlays.map((o) => o.version)).toEqual(['1.1.0']);
    expect(before.source('nordby')?.overlays.map((o) => o.version)).toEqual(['1.0.0']);
  });

  it('adds a tenant it did not know, and a source without the overlay falls back to the base form', () => {
    const none = new TenantForms(base, new Map());
    const added = none.withTenant('nordby', { overlays: [overlay('1.0.0', 'Nordby')], forms: new FormRegistry() });
    expect(added.resolve('nordby', 'testskema').manifest.title.da).toBe('Nordby');
    const removed = added.withTenant('nordby', { overlays: [], forms: new FormRegistry() });
    expect(removed.resolve('nordby', 'testskema').hash).toBe(base.resolve('testskema').hash);
  });

  it('two overlays with the same version but other content never share a cached effective form', () => {
    const first = new TenantForms(
      base,
      new Map([['nordby', { overlays: [overlay('1.0.0', 'Første')], forms: new FormRegistry() }]]),
    );
    const second = first.withTenant('nordby', { overlays: [overlay('1.0.0', 'Anden')], forms: new FormRegistry() });
    expect(first.resolve('nordby', 'testskema').manifest.title.da).toBe('Første');
    expect(second.resolve('nordby', 'testskema').manifest.title.da).toBe('Anden');
    // The same overlay object resolves to the same (cached) effective form across views.
    expect(
      second.withTenant('ringsted', { overlays: [], forms: new FormRegistry() }).resolve('nordby', 'testskema'),
    ).toBe(second.resolve('nordby', 'testskema'));
  });
});
