import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { RevisionConflictError } from '@skema/core';
import { MIGRATIONS, createPostgresStore } from '@skema/store-postgres';
import type { PostgresSubmissionStore } from '@skema/store-postgres';
import { auditOf, change, durableHarness, holdChange, newSubmission, tenant } from './fixtures.js';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from './pg-env.js';
import { runStoreContract } from './store-contract.js';
import { runFormConfigContract } from './contract-form-config.js';

const reachable = await databaseReachable();

if (!reachable) {
  describe.skip(`PostgreSQL store (skipped: ${DATABASE_URL} unreachable; set DATABASE_URL)`, () => {
    it('needs a database', () => undefined);
  });
} else {
  const openPostgres = (schema: string, poolSize?: number) => async () => {
    const store = createPostgresStore({ connectionString: DATABASE_URL, schema, ...(poolSize ? { poolSize } : {}) });
    await store.init();
    return store;
  };

  runStoreContract(
    'postgres',
    async () => {
      const schema = testSchema();
      return durableHarness(openPostgres(schema), () => dropSchema(schema));
    },
    { durable: true },
  );

  runFormConfigContract(
    'postgres',
    async () => {
      const schema = testSchema();
      const open = openPostgres(schema, 5);
      let other: PostgresSubmissionStore | undefined;
      const harness = await durableHarness(open, async () => {
        await other?.close();
        await dropSchema(schema);
      });
      return Object.assign(harness, {
        // A second instance with its own pool: races between it and `store` are races between processes.
        async another() {
          other ??= await open();
          return other;
        },
      });
    },
    { durable: true },
  );

  describe('PostgreSQL store: migration 3 (status_changed_at, legal-hold)', () => {
    const schema = testSchema();
    afterAll(() => dropSchema(schema));

    it('backfills when each submission entered its status from its revisions, and then accepts legal-hold revisions', async () => {
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
      const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString();
      const tenantId = tenant();
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        // A database as the released version left it: migrations 1 and 2 only.
        await client.query(`CREATE SCHEMA ${t.schema}`);
        await client.query(
          `CREATE TABLE ${t.migrations} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
        );
        for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
          await client.query(m.sql(t, schema));
          await client.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
        }
        // [id, current status, updated_at, revisions as [status, day, action]]
        const rows: Array<[string, string, string, Array<[string, number, string]>]> = [
          // Approved on day 1, then an old-style hold (action update) on day 40: closed on day 1.
          [
            'held',
            'approved',
            day(40),
            [
              ['submitted', 0, 'create'],
              ['approved', 1, 'status'],
              ['approved', 40, 'update'],
            ],
          ],
          // Rejected, reopened, rejected again on day 9.
          [
            'again',
            'rejected',
            day(12),
            [
              ['submitted', 0, 'create'],
              ['rejected', 2, 'status'],
              ['draft', 5, 'status'],
              ['rejected', 9, 'status'],
              ['rejected', 12, 'update'],
            ],
          ],
          // Never changed status: its creation.
          [
            'draft',
            'draft',
            day(7),
            [
              ['draft', 3, 'create'],
              ['draft', 7, 'update'],
            ],
          ],
        ];
        for (const [id, status, updatedAt, revisions] of rows) {
          await client.query(
            `INSERT INTO ${t.submissions} (id, tenant_id, form_id, version, status, data, revision, receipt, created_at, updated_at, created_by, updated_by)
             VALUES ($1, $2, 'underretning', '1.0.0', $3, '{}'::jsonb, $4, '{}'::jsonb, $5, $6, 'k', 'k')`,
            [id, tenantId, status, revisions.length, day(revisions[0]![1]), updatedAt],
          );
          for (const [i, [rStatus, rDay, action]] of revisions.entries()) {
            await client.query(
              `INSERT INTO ${t.revisions} (submission_id, revision, form_id, version, status, data, receipt, by, at, changes, action)
               VALUES ($1, $2, 'underretning', '1.0.0', $3, '{}'::jsonb, '{}'::jsonb, 'k', $4, '[]'::jsonb, $5)`,
              [id, i + 1, rStatus, day(rDay), action],
            );
          }
        }
      } finally {
        await client.end();
      }

      const store = createPostgresStore({ connectionString: DATABASE_URL, schema });
      try {
        await store.init();
        const versions = await store.pool.query(`SELECT version FROM ${t.migrations} ORDER BY version`);
        expect(versions.rows.map((r: { version: number }) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await store.get(tenantId, 'held')).toMatchObject({ updatedAt: day(40), statusChangedAt: day(1) });
        expect((await store.get(tenantId, 'again'))?.statusChangedAt).toBe(day(9));
        expect((await store.get(tenantId, 'draft'))?.statusChangedAt).toBe(day(3));
        // Migration 5: rows written before approvals were data have none.
        expect((await store.get(tenantId, 'held'))?.approvals).toBeUndefined();
        expect((await store.revisions(tenantId, 'held')).every((r) => r.approvals === undefined)).toBe(true);
        await store.update(tenantId, 'held', holdChange(3, false, { at: day(50) }), auditOf(tenantId, 'legal-hold'));
        expect((await store.revisions(tenantId, 'held')).map((r) => r.action)).toEqual([
          'create',
          'status',
          'update',
          'legal-hold',
        ]);
        expect((await store.get(tenantId, 'held'))?.statusChangedAt).toBe(day(1));
        await expect(
          store.pool.query(`UPDATE ${t.revisions} SET action = 'other' WHERE submission_id = 'held'`),
        ).rejects.toThrow(/action_check/);
      } finally {
        await store.close();
      }
    });
  });

  describe('PostgreSQL store: several instances on one schema', () => {
    const schema = testSchema();
    const opened: PostgresSubmissionStore[] = [];
    const instance = (): PostgresSubmissionStore => {
      const store = createPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 5 });
      opened.push(store);
      return store;
    };
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
      await dropSchema(schema);
    });

    it('migrates once when instances start together, and again is a no-op', async () => {
      const [a, b, c] = [instance(), instance(), instance()];
      await Promise.all([a.init(), b.init(), c.init()]);
      await a.init();
      const rows = await a.pool.query(`SELECT version FROM "${schema}".schema_migrations`);
      expect(rows.rows.map((r: { version: number }) => r.version).sort((x, y) => x - y)).toEqual(
        MIGRATIONS.map((m) => m.version),
      );
      expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('loses no update when two instances race on one submission', async () => {
      const [a, b] = [instance(), instance()];
      await Promise.all([a.init(), b.init()]);
      const t = tenant();
      const input = newSubmission(t, { data: { count: 0 } });
      await a.create(input, auditOf(t, 'create'));

      const sameRevision = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? a : b).update(t, input.id, change(1, { data: { count: 100 + i } }), auditOf(t, 'update')),
        ),
      );
      expect(sameRevision.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of sameRevision) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(RevisionConflictError);

      const increment = async (store: PostgresSubmissionStore): Promise<void> => {
        for (;;) {
          const current = await store.get(t, input.id);
          if (!current) throw new Error('vanished');
          try {
            const next = { count: (current.data as { count: number }).count + 1 };
            await store.update(t, input.id, change(current.revision, { data: next }), auditOf(t, 'update'));
            return;
          } catch (error) {
            if (!(error instanceof RevisionConflictError)) throw error;
          }
        }
      };
      const start = ((await a.get(t, input.id))?.data as { count: number }).count;
      await Promise.all(Array.from({ length: 16 }, (_, i) => increment(i % 2 ? a : b)));
      const final = await b.get(t, input.id);
      expect(final?.data).toEqual({ count: start + 16 });
      expect(final?.revision).toBe(18);
      expect(await a.revisions(t, input.id)).toHaveLength(18);
      expect((await b.queryAudit(t, { submissionId: input.id })).items).toHaveLength(18);
    });

    it('creates exactly one submission when two instances race with one idempotency key', async () => {
      const [a, b] = [instance(), instance()];
      await Promise.all([a.init(), b.init()]);
      const t = tenant();
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          (i % 2 ? a : b).create(newSubmission(t), auditOf(t, 'create'), { key: 'one-key', requestHash: `h${i}` }),
        ),
      );
      const created = results.filter((r) => r.created);
      expect(created).toHaveLength(1);
      expect(new Set(results.map((r) => r.submission.id))).toEqual(new Set([created[0]?.submission.id]));
      expect((await a.list(t, {})).items).toHaveLength(1);
      expect((await b.queryAudit(t, {})).items).toHaveLength(1);
      const count = await a.pool.query(
        `SELECT count(*)::int AS n FROM "${schema}".idempotency_keys WHERE tenant_id = $1`,
        [t],
      );
      expect(count.rows[0]).toEqual({ n: 1 });
    });

    it('keeps the audit log append-only', async () => {
      const a = instance();
      await a.init();
      const t = tenant();
      await a.appendAudit(auditOf(t, 'read'));
      await expect(a.pool.query(`DELETE FROM "${schema}".audit_log WHERE tenant_id = $1`, [t])).rejects.toThrow(
        /append-only/,
      );
      await expect(
        a.pool.query(`UPDATE "${schema}".audit_log SET actor = 'x' WHERE tenant_id = $1`, [t]),
      ).rejects.toThrow(/append-only/);
    });

    it('keeps form configuration documents as written and published rows immutable even for direct SQL', async () => {
      const a = instance();
      await a.init();
      const t = tenant();
      const text = '{"z":1,"a":{"yy":2,"b":[1.50,1e2]},"s":"\\u0000"}';
      const record = {
        tenantId: t,
        kind: 'overlay' as const,
        formId: 'f',
        version: '1.0.0',
        status: 'draft' as const,
        document: JSON.parse(text) as unknown,
        hash: '',
        updatedAt: '2025-03-01T09:00:00.000Z',
        updatedBy: 'k',
      };
      await a.saveFormConfigDraft(record, auditOf(t, 'update'));
      await a.setFormConfigStatus(t, 'overlay', 'f', '1.0.0', 'published', auditOf(t, 'update'));
      const stored = await a.pool.query(
        `SELECT document::text AS text FROM "${schema}".form_configs WHERE tenant_id = $1`,
        [t],
      );
      expect(stored.rows[0]).toEqual({ text: JSON.stringify(JSON.parse(text)) });
      const table = `"${schema}".form_configs`;
      await expect(a.pool.query(`UPDATE ${table} SET document = '{}' WHERE tenant_id = $1`, [t])).rejects.toThrow(
        /immutable/,
      );
      await expect(a.pool.query(`UPDATE ${table} SET status = 'draft' WHERE tenant_id = $1`, [t])).rejects.toThrow(
        /immutable/,
      );
      await expect(a.pool.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [t])).rejects.toThrow(/published/);
      expect((await a.getFormConfig(t, 'overlay', 'f', '1.0.0'))?.status).toBe('published');
    });

    it('reports an unreachable database in health', async () => {
      const broken = createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/none', schema });
      opened.push(broken);
      const health = await broken.health();
      expect(health).toMatchObject({ ok: false, store: 'postgres' });
    });
  });
}
