// The attachment tables are numbered migration 8 (they used to be created by
// PostgresBlobStore.migrate() outside the list): a fresh database gets them from the list, and a
// database that already has them (created the old way, with files in them) migrates cleanly and
// keeps its files.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, PostgresBlobStore, createPostgresStore } from '@skema/store-postgres';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from './pg-env.js';

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

async function read(stream: AsyncIterable<Uint8Array> | undefined): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of stream ?? []) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

const accept = { head: async () => 'text/plain' };
const record = (id: string) => ({
  id,
  tenantId: 'alpha',
  owner: { kind: 'case' as const, id: 'c1' },
  fileName: `${id}.txt`,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'k',
});

if (await databaseReachable()) {
  describe('PostgreSQL attachment tables: numbered migration 8', () => {
    const schemas: string[] = [];
    afterAll(async () => {
      for (const schema of schemas) await dropSchema(schema);
    });

    it('is in the list, after the cases', () => {
      expect(MIGRATIONS.find((m) => m.version === 8)?.name).toMatch(/blobs/);
    });

    it('creates the tables on a fresh database, whichever store starts first', async () => {
      const schema = testSchema();
      schemas.push(schema);
      const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
      try {
        // The blob store alone on an empty schema: every numbered migration, then it works.
        const blobs = new PostgresBlobStore(pool, schema);
        await blobs.migrate();
        const versions = await pool.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
        expect(versions.rows.map((r: { version: number }) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
        await blobs.putBlob(record('fresh'), bytes('Møde med skolen'), { maxBytes: 1000 }, accept);
        expect(await read(await blobs.readBlob('alpha', 'fresh'))).toBe('Møde med skolen');
        // The submission store finds nothing left to do.
        const store = createPostgresStore({ connectionString: DATABASE_URL, schema });
        await store.init();
        expect(store.startupReport?.migrationsApplied).toEqual([]);
        await store.close();
      } finally {
        await pool.end();
      }
    });

    it('migrates a database whose blob tables were created outside the list, keeping their files', async () => {
      const schema = testSchema();
      schemas.push(schema);
      const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
      try {
        // As the previous release left it: migrations 1–7 and the blob tables created the old way.
        const q = (name: string) => `"${schema}"."${name}"`;
        const t = {
          schema: `"${schema}"`,
          migrations: q('schema_migrations'),
          submissions: q('submissions'),
          revisions: q('submission_revisions'),
          audit: q('audit_log'),
          keys: q('idempotency_keys'),
          formConfigs: q('form_configs'),
        };
        await pool.query(`CREATE SCHEMA ${t.schema}`);
        await pool.query(
          `CREATE TABLE ${t.migrations} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
        );
        for (const m of MIGRATIONS.filter((m) => m.version <= 7)) {
          await pool.query(m.sql(t, schema));
          await pool.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
        }
        await pool.query(`
          CREATE TABLE ${q('blobs')} (
            tenant_id text NOT NULL, id text NOT NULL, owner_kind text NOT NULL, owner_id text NOT NULL, size bigint NOT NULL, record jsonb NOT NULL,
            PRIMARY KEY (tenant_id, id));
          CREATE INDEX blobs_owner ON ${q('blobs')} (tenant_id, owner_kind, owner_id);
          CREATE TABLE ${q('blob_chunks')} (
            tenant_id text NOT NULL, id text NOT NULL, n integer NOT NULL, bytes bytea NOT NULL,
            PRIMARY KEY (tenant_id, id, n),
            FOREIGN KEY (tenant_id, id) REFERENCES ${q('blobs')} (tenant_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);`);
        const old = { ...record('old'), mediaType: 'text/plain', size: 5, sha256: 'x'.repeat(64) };
        await pool.query(`INSERT INTO ${q('blobs')} VALUES ('alpha', 'old', 'case', 'c1', 5, $1::jsonb)`, [
          JSON.stringify(old),
        ]);
        await pool.query(`INSERT INTO ${q('blob_chunks')} VALUES ('alpha', 'old', 0, $1)`, [Buffer.from('ældre')]);

        const store = createPostgresStore({ connectionString: DATABASE_URL, schema });
        await store.init();
        // Migration 8 and whatever later ones the list holds.
        expect(store.startupReport?.migrationsApplied).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v >= 8));
        await store.close();
        const blobs = new PostgresBlobStore(pool, schema);
        await blobs.migrate();
        expect(await blobs.getBlob('alpha', 'old')).toMatchObject({ fileName: 'old.txt', size: 5 });
        expect(await read(await blobs.readBlob('alpha', 'old'))).toBe('ældre');
        await blobs.putBlob(record('new'), bytes('nyt'), { maxBytes: 1000 }, accept);
        expect((await blobs.listBlobs('alpha', { kind: 'case', id: 'c1' })).map((r) => r.id).sort()).toEqual([
          'new',
          'old',
        ]);
        expect(await blobs.deleteBlob('alpha', 'old')).toBe(true);
        expect(
          Number((await pool.query(`SELECT count(*) AS n FROM ${q('blob_chunks')} WHERE id = 'old'`)).rows[0].n),
        ).toBe(0);
      } finally {
        await pool.end();
      }
    });
  });
} else {
  describe.skip(`PostgreSQL blob migration (skipped: ${DATABASE_URL} unreachable)`, () =>
    it('needs a database', () => undefined));
}
