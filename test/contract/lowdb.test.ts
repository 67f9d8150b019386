import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLowdbStore } from '@skema/store-lowdb';
import { runStoreContract } from './store-contract.js';
import { runFormConfigContract } from './contract-form-config.js';
import { durableHarness } from './fixtures.js';

const openLowdb = (dataDir: string) => async () => {
  const store = createLowdbStore({ dataDir });
  await store.init();
  return store;
};

runStoreContract(
  'lowdb',
  async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-lowdb-contract-'));
    return durableHarness(openLowdb(dataDir), () => rm(dataDir, { recursive: true, force: true }));
  },
  { durable: true },
);

runFormConfigContract(
  'lowdb',
  async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-lowdb-form-config-'));
    return durableHarness(openLowdb(dataDir), () => rm(dataDir, { recursive: true, force: true }));
  },
  { durable: true },
);
