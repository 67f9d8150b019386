import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import pg from 'pg';
import { MemoryBlobStore } from '@skema/submissions/testing';
import { createFileBlobStore } from '@skema/store-lowdb';
import { PostgresBlobStore } from '@skema/store-postgres';
import { runBlobContract } from './contract-blobs.js';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from './pg-env.js';

runBlobContract('memory', async () => ({ store: new MemoryBlobStore(), async cleanup() {} }));

runBlobContract('files (embedded store)', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-blobs-'));
  const store = createFileBlobStore(dataDir);
  return {
    store,
    // Temp files of a failed put would be dot-files or *.tmp in a tenant's folder.
    async leftovers() {
      const dirs = await readdir(store.root).catch(() => [] as string[]);
      const names = (await Promise.all(dirs.map((d) => readdir(path.join(store.root, d))))).flat();
      return names.filter((n) => n.endsWith('.tmp') || n.startsWith('.'));
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
});

if (await databaseReachable()) {
  runBlobContract('postgres', async () => {
    const schema = testSchema();
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 3 });
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const store = new PostgresBlobStore(pool, schema);
    await store.migrate();
    return {
      store,
      async leftovers() {
        const rows = await pool.query(
          `SELECT c.id FROM "${schema}".blob_chunks c LEFT JOIN "${schema}".blobs b USING (tenant_id, id) WHERE b.id IS NULL`,
        );
        return rows.rows.map((r: { id: string }) => r.id);
      },
      async cleanup() {
        await pool.end();
        await dropSchema(schema);
      },
    };
  });
} else {
  describe.skip(`PostgreSQL blob store (skipped: ${DATABASE_URL} unreachable)`, () =>
    it('needs a database', () => undefined));
}
