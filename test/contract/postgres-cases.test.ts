import { describe, it } from 'vitest';
import { createPostgresStore } from '@skema/store-postgres';
import { runCaseContract } from './contract-cases.js';
import { durableHarness } from './fixtures.js';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from './pg-env.js';

const reachable = await databaseReachable();

if (!reachable) {
  describe.skip(`PostgreSQL case store (skipped: ${DATABASE_URL} unreachable; set DATABASE_URL)`, () => {
    it('needs a database', () => undefined);
  });
} else {
  runCaseContract('postgres', async () => {
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
