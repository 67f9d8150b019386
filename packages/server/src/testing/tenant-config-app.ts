import { join } from 'node:path';
import { FormRegistry, type FormOverlay, type FormVersion } from '@skema/core';
import { createStandardEngine, loadFormVersion, loadTenantForms, readJson, schemasDir } from '@skema/forms';
import type { CreateAppOptions } from '../app-options.js';
import { devConfig } from '../config/dev-config.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Real forms for the tenant configuration tests: aftaleskema 1.0.0 (with Ringsted's and Nordby's
 * git-kept overlays) and indsatsplan 1.0.0 / 2.0.0, under the development tenants and keys.
 */
const engine = createStandardEngine();
export const aftaleskema: FormVersion = loadFormVersion(join(schemasDir(), 'aftaleskema', '1.0.0'));
export const indsatsplan1: FormVersion = loadFormVersion(join(schemasDir(), 'indsatsplan', '1.0.0'));
export const indsatsplan2: FormVersion = loadFormVersion(join(schemasDir(), 'indsatsplan', '2.0.0'));
const registry = new FormRegistry([aftaleskema, indsatsplan1, indsatsplan2]);

/** Nordby's overlay of aftaleskema as kept in git (version 1.0.0). */
export const nordbyGitOverlay = (): FormOverlay =>
  readJson(join(schemasDir(), 'tenants', 'nordby', 'overlays', 'aftaleskema.json')) as FormOverlay;

export function tenantConfigApp(overrides: Partial<CreateAppOptions> = {}): TestApp {
  return createTestApp({
    engine,
    registry,
    tenantForms: loadTenantForms(registry, engine),
    config: devConfig(),
    now: () => new Date('2026-06-01T10:00:00Z'),
    ...overrides,
  });
}

/** A valid aftaleskema for the base form and for Nordby (parents' consent given). */
export function aftaleData(): Record<string, unknown> {
  const example = aftaleskema.examples!.valid.find((e) => e.name === 'samarbejdsmoede')!;
  const data = structuredClone(example.data) as Record<string, unknown> & { foraeldre?: Record<string, unknown> };
  data.foraeldre = { ...data.foraeldre, foraeldreSamtykke: true };
  return data;
}
