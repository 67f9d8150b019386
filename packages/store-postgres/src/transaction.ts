import type pg from 'pg';

/**
 * Runs `work` on one pooled connection inside a transaction: committed when it resolves, rolled
 * back when it throws, the connection returned either way. `begin` may add `SET LOCAL` statements
 * for this transaction only (e.g. `BEGIN; SET LOCAL synchronous_commit TO off`).
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
