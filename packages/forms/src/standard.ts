import { FormRegistry, SkemaEngine, TenantForms, type SkemaPlugin } from '@skema/core';
import dk from '@skema/plugin-dk';
import familieraadslagning from '@skema/plugin-familieraadslagning';
import ringsted from '@skema/plugin-ringsted';
import trivsel from '@skema/plugin-trivsel';
import viso from '@skema/plugin-viso';
import { loadForms } from './load.js';
import { schemasDir } from './paths.js';
import { loadTenants } from './tenants.js';

/** The plugins every Skema installation registers, built-ins through the same API as tenants' own. */
export function standardPlugins(): SkemaPlugin[] {
  return [dk(), viso(), trivsel(), ringsted(), familieraadslagning()];
}

export function createStandardEngine(extra: SkemaPlugin[] = []): SkemaEngine {
  return new SkemaEngine({ plugins: [...standardPlugins(), ...extra] });
}

export function loadStandardRegistry(root = schemasDir()): FormRegistry {
  return new FormRegistry(loadForms(root));
}

/** Every tenant's view of the forms: base forms with its overlays, plus its own forms. */
export function loadTenantForms(registry: FormRegistry, engine: SkemaEngine, root = schemasDir()): TenantForms {
  return new TenantForms(
    registry,
    loadTenants(root),
    engine.catalogue().map(({ rule }) => rule),
  );
}
