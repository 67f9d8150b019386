import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreCorruptionError } from '@skema/core';
import { MIGRATIONS, createPostgresStore } from '@skema/store-postgres';
import type { PostgresSubmissionStore } from '@skema/store-postgres';
import { auditOf, tenant } from './fixtures.js';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from './pg-env.js';

// Issue #11: the PostgreSQL audit log is hash-chained per tenant; damage is found at start and on read.
const reachable = await databaseReachable();

if (!reachable) {
  describe.skip(`PostgreSQL audit chain (skipped: ${DATABASE_URL} unreachable; set DATABASE_URL)`, () => {
    it('needs a database', () => undefined);
  });
} else {
  const schemas: string[] = [];
  const stores: PostgresSubmissionStore[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close().catch(() => undefined);
    for (const s of schemas) await dropSchema(s);
  });

  const open = async (schema: string): Promise<PostgresSubmissionStore> => {
    const store = createPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 2 });
    stores.push(store);
    await store.init();
    return store;
  };

  /** Runs SQL as an operator (or intruder) with the append-only trigger off. */
  const tamper = async (schema: string, sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      await client.query(`ALTER TABLE "${schema}".audit_log DISABLE TRIGGER audit_append_only`);
      await client.query(sql);
      await client.query(`ALTER TABLE "${schema}".audit_log ENABLE TRIGGER audit_append_only`);
    } finally {
      await client.end();
    }
  };

  describe('PostgreSQL audit chain', () => {
    it('chains existing rows when migrating, and new rows after them', async () => {
      const schema = testSchema();
      schemas.push(schema);
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA "${schema}"`);
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
        await client.query(
          `CREATE TABLE ${t.migrations} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
        );
        // A database as the version before the chain left it, with audit rows of two tenants.
        for (const m of MIGRATIONS.filter((m) => m.version <= 3)) {
          await client.query(m.sql(t, schema));
          await client.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
        }
        for (const [i, tenantId] of ['old-a', 'old-b', 'old-a'].entries()) {
          await client.query(
            `INSERT INTO "${schema}".audit_log (id, tenant_id, at, actor, action) VALUES (gen_random_uuid(), $1, now(), $2, 'list')`,
            [tenantId, `k${i}`],
          );
        }
      } finally {
        await client.end();
      }
      const store = await open(schema);
      expect(store.startupReport).toMatchObject({
        migrationsApplied: [4, 5, 6, 7, 8, 9, 10],
        audit: 'ok',
        auditChecked: 3,
      });
      await store.appendAudit(auditOf('old-a', 'read'));
      expect(await store.verifyAudit()).toEqual({ ok: true, checked: 4 });
      expect((await store.queryAudit('old-a', {})).items.map((e) => e.actor)).toEqual(['k0', 'k2', 'api-key-1']);
    });

    it('finds a changed entry at start and on read, naming the row and no content', async () => {
      const schema = testSchema();
      schemas.push(schema);
      const store = await open(schema);
      const t = tenant();
      for (let i = 0; i < 3; i++) await store.appendAudit(auditOf(t, 'read'));
      const [, second] = (
        await store.pool.query<{ seq: string }>(`SELECT seq::text FROM "${schema}".audit_log ORDER BY seq`)
      ).rows;
      await tamper(schema, `UPDATE "${schema}".audit_log SET actor = 'someone-else' WHERE seq = ${second!.seq}`);

      const verified = await store.verifyAudit();
      expect(verified).toMatchObject({ ok: false, damage: { where: expect.stringContaining(`seq ${second!.seq}`) } });
      expect(verified.damage?.reason).not.toContain('someone-else');
      await expect(store.queryAudit(t, {})).rejects.toBeInstanceOf(StoreCorruptionError);
      const error = await open(schema).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreCorruptionError);
      expect((error as StoreCorruptionError).message).toContain(`seq ${second!.seq}`);
    });

    it('finds entries removed from the end of a tenant’s chain at start', async () => {
      const schema = testSchema();
      schemas.push(schema);
      const store = await open(schema);
      const t = tenant();
      for (let i = 0; i < 3; i++) await store.appendAudit(auditOf(t, 'read'));
      await tamper(
        schema,
        `DELETE FROM "${schema}".audit_log WHERE seq = (SELECT max(seq) FROM "${schema}".audit_log)`,
      );
      expect(await store.verifyAudit()).toMatchObject({
        ok: false,
        damage: { where: expect.stringContaining('audit_chain_heads') },
      });
      await expect(open(schema)).rejects.toThrow(/entries were removed from the end/);
    });
  });
}
