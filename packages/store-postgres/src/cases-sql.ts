import type { Tables } from './sql.js';

/** The case tables of one schema. */
export function caseTables(schema: string) {
  return { cases: `"${schema}"."cases"`, members: `"${schema}"."case_submissions"` };
}

export type CaseTables = ReturnType<typeof caseTables>;

/**
 * Migration 6: cases. The record is one jsonb document (read and written whole); status, revision
 * and updated_at are columns for filters and keyset paging. `case_submissions` holds each
 * submission's one case: its primary key is what keeps a submission in at most one case, also
 * between instances.
 */
export function casesMigration(t: Tables): string {
  const c = caseTables(t.schema.slice(1, -1));
  return `
    CREATE TABLE ${c.cases} (
      tenant_id   text NOT NULL,
      id          text NOT NULL,
      status      text NOT NULL CHECK (status IN ('open', 'closed')),
      revision    integer NOT NULL,
      updated_at  timestamptz NOT NULL,
      record      jsonb NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX cases_list ON ${c.cases} (tenant_id, updated_at DESC, id);
    CREATE TABLE ${c.members} (
      tenant_id      text NOT NULL,
      submission_id  text NOT NULL,
      case_id        text NOT NULL,
      PRIMARY KEY (tenant_id, submission_id),
      FOREIGN KEY (tenant_id, case_id) REFERENCES ${c.cases} (tenant_id, id)
    );
  `;
}
