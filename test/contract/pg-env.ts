import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether the test database answers. In CI an unreachable database fails the run (a skipped store
 * suite must never pass silently there); locally the suite is skipped with a message.
 */
export async function databaseReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    if (process.env.CI)
      throw new Error(`PostgreSQL at ${DATABASE_URL} is unreachable and CI is set: ${(error as Error).message}`, {
        cause: error,
      });
    console.warn(
      `Skipping PostgreSQL store tests: ${DATABASE_URL} is unreachable (${(error as Error).message}). Set DATABASE_URL to run them.`,
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function testSchema(): string {
  return `skema_test_${randomBytes(5).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
