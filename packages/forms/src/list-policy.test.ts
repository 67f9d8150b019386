import { sensitiveFields, sensitiveFieldsWithin, valueAt } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { developmentListPolicy } from './list-policy.js';
import { loadStandardRegistry } from './standard.js';

describe('the development tenants’ list policy (schemas/tenants/development-list-policy.json)', () => {
  const policy = developmentListPolicy();
  const registry = loadStandardRegistry();

  it('names, for each form, a field that holds a name in the examples of every version, and never a sensitive field (DP-02)', () => {
    expect(Object.keys(policy).length).toBeGreaterThan(0);
    for (const [formId, pointers] of Object.entries(policy)) {
      for (const form of registry.versions(formId)) {
        const sensitive = sensitiveFields(form.schema);
        for (const pointer of pointers) {
          expect(sensitiveFieldsWithin(sensitive, pointer), `${formId}@${form.manifest.version} ${pointer}`).toEqual(
            [],
          );
          const names = (form.examples?.valid ?? [])
            .map((e) => valueAt(e.data, pointer))
            .filter((v) => typeof v === 'string');
          expect(names.length, `${formId}@${form.manifest.version} ${pointer} in the examples`).toBeGreaterThan(0);
        }
      }
    }
  });
});
