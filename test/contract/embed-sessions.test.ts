import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { MemoryEmbedSessionStore } from '@skema/server/testing';
import { createLowdbStore } from '@skema/store-lowdb';
import { createPostgresStore } from '@skema/store-postgres';
import { runEmbedSessionContract } from './contract-embed-sessions.js';
import { durableHarness } from './fixtures.js';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from './pg-env.js';

runEmbedSessionContract('memory', async () => ({ store: new MemoryEmbedSessionStore(), async cleanup() {} }));

runEmbedSessionContract('lowdb', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-lowdb-embed-'));
  return durableHarness(
    async () => {
      const store = createLowdbStore({ dataDir });
      await store.init();
      return store;
    },
    () => rm(dataDir, { recursive: true, force: true }),
  );
});

if (!(await databaseReachable())) {
  describe.skip(`PostgreSQL embed sessions (skipped: ${DATABASE_URL} unreachable; set DATABASE_URL)`, () => {
    it('needs a database', () => undefined);
  });
} else {
  runEmbedSessionContract('postgres', async () => {
    const schema = testSchema();
    return durableHarness(
      async () => {
        const store = createPostgresStore({ connectionString: DATABASE_URL, schema });
        await store.init();
        return store;
      },
      () => dropSchema(schema),
    );
  });
}
