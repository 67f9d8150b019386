import type pg from 'pg';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names go into SQL text (they cannot be parameters), so only plain lower-case identifiers are allowed. */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new TypeError(`Invalid PostgreSQL schema name "${schema}": use a-z, 0-9 and _`);
}

/** Fully qualified, quoted table names for one schema. */
export function tables(schema: string) {
  const q = (name: string): string => `"${schema}"."${name}"`;
  return {
    schema: `"${schema}"`,
    migrations: q('schema_migrations'),
    submissions: q('submissions'),
    revisions: q('submission_revisions'),
    audit: q('audit_log'),
    keys: q('idempotency_keys'),
    formConfigs: q('form_configs'),
  };
}

export type Tables = ReturnType<typeof tables>;

/** What every query needs: the pool and this schema's table names. */
export interface Db {
  readonly pool: pg.Pool;
  readonly t: Tables;
}
