import type pg from 'pg';

/** One numbered step of an append-only migration list. */
export interface MigrationStep {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface MigrationList {
  /** Advisory-lock class of this list (a constant per list); the schema name is the second key. */
  readonly lockClass: number;
  readonly schema: string;
  /** The list's version table, already quoted; created when missing. */
  readonly versionTable: string;
  /** Whether the version table has a `name` column (the outbox's older table has none). */
  readonly recordsName: boolean;
  /** Runs first under the lock, e.g. `CREATE SCHEMA IF NOT EXISTS`. */
  readonly prelude?: string;
  readonly steps: readonly MigrationStep[];
}

/**
 * Applies the missing steps of a list, each in its own transaction, under an advisory lock: processes
 * starting together queue on it, so exactly one applies each step. Returns the versions applied.
 */
export async function applyMigrations(pool: pg.Pool, list: MigrationList): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [list.lockClass, list.schema]);
    try {
      if (list.prelude) await client.query(list.prelude);
      const nameColumn = list.recordsName ? ', name text NOT NULL' : '';
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${list.versionTable} (version integer PRIMARY KEY${nameColumn}, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = new Set(
        (await client.query<{ version: number }>(`SELECT version FROM ${list.versionTable}`)).rows.map(
          (r) => r.version,
        ),
      );
      for (const step of list.steps) {
        if (done.has(step.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(step.sql);
          if (list.recordsName)
            await client.query(`INSERT INTO ${list.versionTable} (version, name) VALUES ($1, $2)`, [
              step.version,
              step.name,
            ]);
          else await client.query(`INSERT INTO ${list.versionTable} (version) VALUES ($1)`, [step.version]);
          await client.query('COMMIT');
          applied.push(step.version);
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [list.lockClass, list.schema]);
    }
  } finally {
    client.release();
  }
  return applied;
}
