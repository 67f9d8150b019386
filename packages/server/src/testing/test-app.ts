import { Writable } from 'node:stream';
import type { Express } from 'express';
import type { FormConfigStore, FormRegistry, SkemaEngine, SubmissionStore } from '@skema/core';
import type { CreateAppOptions } from '../app-options.js';
import { createApp } from '../app.js';
import type { ServerConfig } from '../config/server-config.js';
import { createLogger } from '../observability/logger.js';
import { fixtureEngine, fixtureRegistry } from './fixture-forms.js';
import { MemoryFormConfigStore } from './memory-form-config-store.js';
import { MemorySubmissionStore } from './memory-store.js';

/** API keys of the test tenants `alpha` and `beta`, one per role. */
export const TEST_KEYS = {
  caseworker: 'alpha-caseworker-key-0001',
  fagkonsulent: 'alpha-fagkonsulent-key-01',
  fagkonsulent2: 'alpha-fagkonsulent-key-02',
  leder: 'alpha-leder-key-000000001',
  auditor: 'alpha-auditor-key-0000001',
  admin: 'alpha-admin-key-000000001',
  beta: 'beta-caseworker-key-00001',
} as const;

export function testConfig(extra: Partial<ServerConfig> = {}): ServerConfig {
  return {
    tenants: [
      {
        id: 'alpha',
        keys: [
          { id: 'alpha-caseworker', key: TEST_KEYS.caseworker, roles: ['caseworker'] },
          { id: 'alpha-fagkonsulent', key: TEST_KEYS.fagkonsulent, roles: ['caseworker', 'fagkonsulent'] },
          { id: 'alpha-fagkonsulent-2', key: TEST_KEYS.fagkonsulent2, roles: ['fagkonsulent', 'leder'] },
          { id: 'alpha-leder', key: TEST_KEYS.leder, roles: ['leder'] },
          { id: 'alpha-auditor', key: TEST_KEYS.auditor, roles: ['auditor'] },
          { id: 'alpha-admin', key: TEST_KEYS.admin, roles: ['admin'] },
        ],
      },
      {
        id: 'beta',
        keys: [{ id: 'beta-caseworker', key: TEST_KEYS.beta, roles: ['caseworker', 'fagkonsulent', 'auditor'] }],
        ruleOptions: { 'FIX-02': { severity: 'error', minLength: 5 } },
      },
    ],
    ...extra,
  };
}

export interface TestApp {
  app: Express;
  store: SubmissionStore;
  /** The form configuration store (by default in memory, sharing the submission store's audit log). */
  formConfigs: FormConfigStore | undefined;
  /** Every log line the app wrote, as text. */
  logs: string[];
}

/** How a validation worker builds the fixture engine (the module beside this one). */
export const FIXTURE_ENGINE = { module: new URL('./fixture-forms.js', import.meta.url).href, export: 'fixtureEngine' };

let sharedEngine: SkemaEngine | undefined;
let sharedRegistry: FormRegistry | undefined;

/**
 * An app over the fixture forms and an in-memory store, logging into `logs`. A memory form
 * configuration store is created unless `formConfigStore` is given (pass `undefined` for none).
 */
export function createTestApp(
  overrides: Partial<Omit<CreateAppOptions, 'formConfigStore'>> & {
    engine?: SkemaEngine;
    registry?: FormRegistry;
    formConfigStore?: FormConfigStore | undefined;
  } = {},
): TestApp {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const store = overrides.store ?? new MemorySubmissionStore();
  const { formConfigStore, ...options } = overrides;
  const formConfigs = 'formConfigStore' in overrides ? formConfigStore : new MemoryFormConfigStore(store);
  const app = createApp({
    // One engine for all test apps: forms compile once per process.
    engine: (sharedEngine ??= fixtureEngine()),
    registry: (sharedRegistry ??= fixtureRegistry()),
    // Untrusted forms compile and validate in workers: they need the fixture plugins too.
    ...(overrides.engine ? {} : { validation: { engineFactory: FIXTURE_ENGINE } }),
    config: testConfig(),
    logger: createLogger({ level: 'info', destination }),
    ...options,
    store,
    ...(formConfigs ? { formConfigStore: formConfigs } : {}),
  });
  return { app, store, formConfigs, logs };
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
