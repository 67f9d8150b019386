import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLowdbStore } from '@skema/store-lowdb';
import type { StoreHarness } from './store-contract.js';
import { runStoreContract } from './store-contract.js';
import type { FormConfigHarness } from './contract-form-config.js';
import { runFormConfigContract } from './contract-form-config.js';

runStoreContract('lowdb', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-lowdb-contract-'));
  const open = async () => {
    const store = createLowdbStore({ dataDir });
    await store.init();
    return store;
  };
  const harness: StoreHarness = {
    store: await open(),
    async reopen() {
      await harness.store.close();
      harness.store = await open();
      return harness.store;
    },
    async cleanup() {
      await harness.store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}, { durable: true });

runFormConfigContract('lowdb', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-lowdb-form-config-'));
  const open = async () => {
    const store = createLowdbStore({ dataDir });
    await store.init();
    return store;
  };
  let store = await open();
  const harness: FormConfigHarness = {
    store,
    audit: async (tenantId) => (await store.queryAudit(tenantId, { limit: 1000 })).items,
    async reopen() {
      await store.close();
      store = await open();
      harness.store = store;
      return store;
    },
    async cleanup() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}, { durable: true });
