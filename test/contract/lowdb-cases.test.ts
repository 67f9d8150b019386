import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLowdbStore } from '@skema/store-lowdb';
import { runCaseContract } from './contract-cases.js';
import { durableHarness } from './fixtures.js';

runCaseContract('lowdb', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-lowdb-cases-'));
  return durableHarness(
    async () => {
      const store = createLowdbStore({ dataDir });
      await store.init();
      return store;
    },
    () => rm(dataDir, { recursive: true, force: true }),
  );
});
