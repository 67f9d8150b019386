import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEvent } from '@skema/core';
import { createPostgresStore, type PostgresSubmissionStore } from '@skema/store-postgres';
import { auditOf, change, newSubmission, tenant } from './fixtures.js';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from './pg-env.js';
import { subscription } from './contract-outbox.js';

/**
 * Issue #15 on PostgreSQL: a write's events are stored by the write's own statement, so the
 * submission row and its events commit together or not at all. Checked by failing the event part
 * (the row must go too), failing the row part (the events must go too), and by terminating the
 * backend in the middle of the statement, after the row and after the events were inserted.
 */
const reachable = await databaseReachable();

const event = (
  tenantId: string,
  submissionId: string,
  type: OutboxEvent['type'] = 'submission.created',
): OutboxEvent => ({
  id: randomUUID(),
  tenantId,
  type,
  submissionId,
  at: '2025-03-01T09:00:00.000Z',
  payload: { submissionId },
});

describe.skipIf(!reachable)('PostgreSQL: a write and its events commit together', () => {
  const schema = testSchema();
  let store: PostgresSubmissionStore;
  let admin: pg.Client;
  const q = (table: string) => `"${schema}"."${table}"`;

  beforeAll(async () => {
    store = createPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 4 });
    await store.init();
    admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await store?.close();
    await admin?.end();
    await dropSchema(schema);
  });

  async function stored(submissionId: string): Promise<{ rows: number; events: number; deliveries: number }> {
    const count = async (sql: string) => Number((await admin.query<{ n: string }>(sql, [submissionId])).rows[0]!.n);
    return {
      rows: await count(`SELECT count(*) AS n FROM ${q('submissions')} WHERE id = $1`),
      events: await count(`SELECT count(*) AS n FROM ${q('outbox_events')} WHERE submission_id = $1`),
      deliveries: await count(`SELECT count(*) AS n FROM ${q('webhook_deliveries')} WHERE submission_id = $1`),
    };
  }

  it('an event that cannot be stored takes the submission with it (and the reverse)', async () => {
    const t = tenant();
    await store.saveSubscription(subscription(t));
    const bad = newSubmission(t);
    await expect(
      store.create({ ...bad, events: [{ ...event(t, bad.id), id: 'not-a-uuid' }] }, auditOf(t, 'create')),
    ).rejects.toThrow();
    expect(await stored(bad.id)).toEqual({ rows: 0, events: 0, deliveries: 0 });

    const good = newSubmission(t);
    await store.create({ ...good, events: [event(t, good.id)] }, auditOf(t, 'create'));
    expect(await stored(good.id)).toEqual({ rows: 1, events: 1, deliveries: 1 });
    // The row part fails (the id exists): the new events are not stored either.
    await expect(
      store.create({ ...good, events: [event(t, good.id, 'submission.submitted')] }, auditOf(t, 'create')),
    ).rejects.toThrow();
    expect(await stored(good.id)).toEqual({ rows: 1, events: 1, deliveries: 1 });
    // An update whose event fails leaves the revision as it was.
    await expect(
      store.update(
        t,
        good.id,
        change(1, { events: [{ ...event(t, good.id, 'submission.submitted'), id: 'not-a-uuid' }] }),
        auditOf(t, 'update'),
      ),
    ).rejects.toThrow();
    expect((await store.get(t, good.id))?.revision).toBe(1);
    expect(await stored(good.id)).toEqual({ rows: 1, events: 1, deliveries: 1 });
  });

  for (const [table, when] of [
    ['outbox_events', 'after the submission row and before its events'],
    ['webhook_deliveries', 'after the submission row and its events, before their deliveries'],
  ] as const) {
    it(`a backend terminated ${when} commits neither`, async () => {
      const t = tenant();
      await store.saveSubscription(subscription(t));
      const input = newSubmission(t);
      // Slow the chosen insert for this submission only, so the statement can be cut there.
      const fn = q(`slow_${table}`);
      await admin.query(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.submission_id = '${input.id}' THEN PERFORM pg_sleep(30); END IF; RETURN NEW; END $$`);
      await admin.query(`CREATE TRIGGER slow BEFORE INSERT ON ${q(table)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
      try {
        const creating = store.create({ ...input, events: [event(t, input.id)] }, auditOf(t, 'create'));
        creating.catch(() => undefined);
        // Wait until the statement sleeps inside the trigger, then kill its backend (a crash of that connection).
        let pid: number | undefined;
        for (let i = 0; i < 200 && pid === undefined; i++) {
          const r = await admin.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE '%' || $1 || '%'`,
            [`${schema}`],
          );
          pid = r.rows[0]?.pid;
          if (pid === undefined) await new Promise((r) => setTimeout(r, 25));
        }
        expect(pid).toBeDefined();
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await expect(creating).rejects.toThrow();
        expect(await stored(input.id)).toEqual({ rows: 0, events: 0, deliveries: 0 });
      } finally {
        await admin.query(`DROP TRIGGER IF EXISTS slow ON ${q(table)}`);
      }
      // Without the trigger the same write stores the row, its event and its delivery together.
      await store.create({ ...input, events: [event(t, input.id)] }, auditOf(t, 'create'));
      expect(await stored(input.id)).toEqual({ rows: 1, events: 1, deliveries: 1 });
    }, 60_000);
  }
});
