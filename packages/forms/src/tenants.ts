import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  FormRegistry,
  OVERLAY_SCHEMA_ROOTS,
  checkUntrustedDocument,
  type FormOverlay,
  type LocalizedText,
  type TenantFormSource,
} from '@skema/core';
import { FormLoadError, loadForms, readJson } from './load.js';
import { schemasDir } from './paths.js';

/** `schemas/tenants/<tenantId>/tenant.json`. */
export interface TenantFile {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** Rule options for every form of the tenant, by rule id. */
  ruleOptions?: Record<string, Record<string, unknown>>;
}

export interface TenantConfiguration extends TenantFormSource {
  tenant: TenantFile;
}

/**
 * Tenant configuration kept in git: `schemas/tenants/<tenantId>/tenant.json`,
 * `overlays/<formId>.json` (one overlay per base form) and `forms/<formId>/<version>/`
 * (forms the tenant created on its own, in the ordinary form package format).
 */
export function loadTenants(root = schemasDir()): Map<string, TenantConfiguration> {
  const tenantsDir = join(root, 'tenants');
  const tenants = new Map<string, TenantConfiguration>();
  if (!existsSync(tenantsDir)) return tenants;
  for (const id of readdirSync(tenantsDir).sort()) {
    const dir = join(tenantsDir, id);
    const tenantFile = join(dir, 'tenant.json');
    if (!existsSync(tenantFile)) continue;
    const tenant = readJson(tenantFile) as TenantFile;
    if (tenant.id !== id) throw new FormLoadError(`tenant.json says "${tenant.id}", folder says "${id}"`, tenantFile);
    const overlaysDir = join(dir, 'overlays');
    const overlays = existsSync(overlaysDir)
      ? readdirSync(overlaysDir)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => {
            const file = join(overlaysDir, f);
            const overlay = readJson(file) as FormOverlay;
            // Configuration in git is reviewed, but it is still treated like an upload.
            const problems = checkUntrustedDocument(overlay, {}, OVERLAY_SCHEMA_ROOTS);
            if (problems.length)
              throw new FormLoadError(problems.map((p) => `${p.path}: ${p.message}`).join('; '), file);
            if (overlay.tenantId !== id || `${overlay.formId}.json` !== f) {
              throw new FormLoadError(`overlay of ${overlay.tenantId}/${overlay.formId} is in the wrong place`, file);
            }
            return overlay;
          })
      : [];
    const formsDir = join(dir, 'forms');
    const forms = new FormRegistry(existsSync(formsDir) ? loadForms(formsDir) : []);
    tenants.set(id, { tenant, overlays, forms });
  }
  return tenants;
}
