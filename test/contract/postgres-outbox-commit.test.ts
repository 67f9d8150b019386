import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore, type PostgresSubmissionStore } from '@skema/store-postgres';
import { event, subscription } from './contract-outbox.js';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from './pg-env.js';

/**
 * Issue #15 on PostgreSQL: a dispatcher's claims and outcomes commit without waiting for the WAL
 * flush (what a database crash can lose of them only repeats a delivery), in a transaction of
 * their own, so the setting never reaches the pooled connection's next user: a submission write.
 * One connection in the pool makes "the next user" the same connection.
 */
const reachable = await databaseReachable();

describe.skipIf(!reachable)('PostgreSQL: claims and outcomes without a flush wait', () => {
  const schema = testSchema();
  let store: PostgresSubmissionStore;

  beforeAll(async () => {
    store = createPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 1 });
    await store.init();
    await store.saveSubscription(subscription('t-commit'));
  });
  afterAll(async () => {
    await store?.close();
    await dropSchema(schema);
  });

  const setting = async () =>
    (await store.pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]!.synchronous_commit;

  it('claims and records outcomes, leaving synchronous_commit on for the connection’s next user', async () => {
    const before = await setting();
    expect(before).toBe('on');
    await store.emitEvents([event('t-commit', 's-1', 'submission.created')]);
    const claimed = await store.claimDeliveries(new Date().toISOString(), 10, 60_000);
    expect(claimed).toHaveLength(1);
    expect(await setting()).toBe(before);
    const [done] = await store.completeDeliveries([
      {
        id: claimed[0]!.delivery.id,
        claimToken: claimed[0]!.claimToken,
        outcome: { status: 'delivered', at: new Date().toISOString(), statusCode: 204 },
      },
    ]);
    expect(done).toBe(true);
    expect(await setting()).toBe(before);
    const delivered = await store.listDeliveries('t-commit', { status: 'delivered' });
    expect(delivered.items.map((d) => d.id)).toEqual([claimed[0]!.delivery.id]);
  });

  it('rolls back and gives the connection back when a claim fails', async () => {
    await expect(store.claimDeliveries('not a time', 10, 60_000)).rejects.toThrow();
    // With one connection in the pool, a connection kept in a failed transaction would fail this.
    expect(await setting()).toBe('on');
    expect((await store.pool.query<{ n: number }>('SELECT 1 AS n')).rows[0]!.n).toBe(1);
  });

  it('keeps the deliveries table as a queue table: room for in-page updates, vacuumed after every 1,000 dead rows', async () => {
    const { rows } = await store.pool.query<{ reloptions: string[] }>(
      `SELECT reloptions FROM pg_class WHERE oid = '"${schema}".webhook_deliveries'::regclass`,
    );
    expect(rows[0]!.reloptions).toEqual(
      expect.arrayContaining(['fillfactor=70', 'autovacuum_vacuum_scale_factor=0', 'autovacuum_vacuum_threshold=1000']),
    );
  });
});
