import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLowdbStore } from '@skema/store-lowdb';
import type { StoreHarness } from './store-contract.js';
import { runStoreContract } from './store-contract.js';

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
});
