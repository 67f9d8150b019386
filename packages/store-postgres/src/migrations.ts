import type pg from 'pg';
import { auditChainMigration } from './audit-chain-sql.js';
import { blobsMigration } from './blobs-sql.js';
import { casesMigration } from './cases-sql.js';
import { embedSessionsMigration } from './embed-sessions.js';
import { applyMigrations } from './migration-runner.js';
import { submissionSearchMigration } from './submission-search-sql.js';
import type { Tables } from './sql.js';
import { tables } from './sql.js';

export interface Migration {
  version: number;
  name: string;
  sql: (t: Tables, schema: string) => string;
}

const STATUS = `'draft', 'submitted', 'approved', 'rejected', 'withdrawn'`;

/** Append-only: never edit a released migration, add a new one. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'submissions, revisions, audit log, idempotency keys',
    sql: (t, schema) => `
      CREATE TABLE ${t.submissions} (
        id          text COLLATE "C" PRIMARY KEY,
        tenant_id   text NOT NULL,
        form_id     text NOT NULL,
        version     text NOT NULL,
        status      text NOT NULL CHECK (status IN (${STATUS})),
        data        jsonb NOT NULL,
        revision    integer NOT NULL CHECK (revision >= 1),
        receipt     jsonb NOT NULL,
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL,
        created_by  text NOT NULL,
        updated_by  text NOT NULL,
        legal_hold  boolean NOT NULL DEFAULT false
      );
      CREATE INDEX submissions_tenant_updated ON ${t.submissions} (tenant_id, updated_at DESC, id DESC);
      CREATE INDEX submissions_tenant_form ON ${t.submissions} (tenant_id, form_id, updated_at DESC, id DESC);
      CREATE INDEX submissions_tenant_form_version ON ${t.submissions} (tenant_id, form_id, version, updated_at DESC, id DESC);
      CREATE INDEX submissions_tenant_status ON ${t.submissions} (tenant_id, status, updated_at DESC, id DESC);

      CREATE TABLE ${t.revisions} (
        submission_id text COLLATE "C" NOT NULL REFERENCES ${t.submissions} (id) ON DELETE CASCADE,
        revision      integer NOT NULL,
        form_id       text NOT NULL,
        version       text NOT NULL,
        status        text NOT NULL CHECK (status IN (${STATUS})),
        data          jsonb NOT NULL,
        receipt       jsonb NOT NULL,
        by            text NOT NULL,
        at            timestamptz NOT NULL,
        changes       jsonb NOT NULL,
        action        text NOT NULL CHECK (action IN ('create', 'update', 'status', 'migrate')),
        PRIMARY KEY (submission_id, revision)
      );

      -- No foreign key to submissions: the audit outlives a deleted submission.
      CREATE TABLE ${t.audit} (
        seq           bigserial PRIMARY KEY,
        id            uuid NOT NULL UNIQUE,
        tenant_id     text NOT NULL,
        at            timestamptz NOT NULL,
        actor         text NOT NULL,
        action        text NOT NULL,
        submission_id text,
        details       jsonb
      );
      CREATE INDEX audit_tenant_seq ON ${t.audit} (tenant_id, seq);
      CREATE INDEX audit_tenant_submission_seq ON ${t.audit} (tenant_id, submission_id, seq);
      CREATE FUNCTION ${t.schema}.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
      CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON ${t.audit}
        FOR EACH ROW EXECUTE FUNCTION ${t.schema}.audit_is_append_only();

      -- The unique key makes racing creates with one key produce one submission. The reference is
      -- checked at commit, so the key row can be inserted (and claim the key) before the submission.
      CREATE TABLE ${t.keys} (
        tenant_id     text NOT NULL,
        key           text NOT NULL,
        request_hash  text NOT NULL,
        submission_id text COLLATE "C" NOT NULL
                      REFERENCES ${t.submissions} (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, key)
      );
      CREATE INDEX idempotency_keys_submission ON ${t.keys} (submission_id);
      COMMENT ON SCHEMA "${schema}" IS 'Skema submissions';
    `,
  },
  {
    version: 2,
    name: 'tenant form configurations',
    // `document` is json, not jsonb: json keeps the text exactly as written (key order, number
    // spelling, \u0000), so a published document comes back byte for byte. The trigger backs the
    // store's conditional statements: a published or deprecated row never changes its content or
    // goes back, whatever SQL touches it.
    sql: (t) => `
      CREATE TABLE ${t.formConfigs} (
        tenant_id  text NOT NULL,
        kind       text NOT NULL CHECK (kind IN ('overlay', 'form')),
        form_id    text NOT NULL,
        version    text NOT NULL,
        status     text NOT NULL CHECK (status IN ('draft', 'published', 'deprecated')),
        document   json NOT NULL,
        hash       text NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL,
        PRIMARY KEY (tenant_id, kind, form_id, version)
      );
      CREATE FUNCTION ${t.schema}.form_config_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            IF OLD.status <> 'draft' THEN RAISE EXCEPTION 'form configuration % % % is %', OLD.kind, OLD.form_id, OLD.version, OLD.status; END IF;
            RETURN OLD;
          END IF;
          IF (OLD.tenant_id, OLD.kind, OLD.form_id, OLD.version) IS DISTINCT FROM (NEW.tenant_id, NEW.kind, NEW.form_id, NEW.version)
             OR (OLD.status <> 'draft' AND (OLD.document::text IS DISTINCT FROM NEW.document::text OR OLD.hash IS DISTINCT FROM NEW.hash))
             OR NOT (OLD.status = NEW.status OR (OLD.status, NEW.status) IN (('draft', 'published'), ('published', 'deprecated'))) THEN
            RAISE EXCEPTION 'form configuration % % % is %: immutable', OLD.kind, OLD.form_id, OLD.version, OLD.status;
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER form_config_immutable BEFORE UPDATE OR DELETE ON ${t.formConfigs}
        FOR EACH ROW EXECUTE FUNCTION ${t.schema}.form_config_guard();
    `,
  },
  {
    version: 3,
    name: 'status_changed_at, revision action legal-hold',
    // Retention counts from entering the closed status, which a later update (a legal hold, say)
    // must not move. Existing rows get the time their current status was entered: the first
    // revision after the last one with another status, or updated_at if revisions are missing.
    sql: (t) => `
      ALTER TABLE ${t.submissions} ADD COLUMN status_changed_at timestamptz;
      UPDATE ${t.submissions} s SET status_changed_at = COALESCE(
        (SELECT min(r.at) FROM ${t.revisions} r
          WHERE r.submission_id = s.id
            AND r.revision > COALESCE((SELECT max(o.revision) FROM ${t.revisions} o WHERE o.submission_id = s.id AND o.status <> s.status), 0)),
        s.updated_at);
      ALTER TABLE ${t.submissions} ALTER COLUMN status_changed_at SET NOT NULL;
      ALTER TABLE ${t.revisions} DROP CONSTRAINT submission_revisions_action_check;
      ALTER TABLE ${t.revisions} ADD CONSTRAINT submission_revisions_action_check
        CHECK (action IN ('create', 'update', 'status', 'migrate', 'legal-hold'));
    `,
  },
  {
    version: 4,
    name: 'audit hash chain per tenant',
    sql: (t) => auditChainMigration(t),
  },
  {
    version: 5,
    name: 'approvals on submissions and revisions',
    // Approvals are data of the record, not something read back out of the audit log. NULL when
    // there are none: rows written before have none.
    sql: (t) => `
      ALTER TABLE ${t.submissions} ADD COLUMN approvals jsonb;
      ALTER TABLE ${t.revisions} ADD COLUMN approvals jsonb;
    `,
  },
  {
    version: 6,
    name: 'cases and their submissions',
    sql: (t) => casesMigration(t),
  },
  {
    version: 7,
    name: 'assignees on submissions, revision actions approval and assign',
    // Who is assigned (need-to-know access), NULL when nobody; approvals by signed-in people and
    // assignments are revisions of their own.
    sql: (t) => `
      ALTER TABLE ${t.submissions} ADD COLUMN assignees jsonb;
      ALTER TABLE ${t.revisions} DROP CONSTRAINT submission_revisions_action_check;
      ALTER TABLE ${t.revisions} ADD CONSTRAINT submission_revisions_action_check
        CHECK (action IN ('create', 'update', 'status', 'migrate', 'legal-hold', 'approval', 'assign'));
    `,
  },
  {
    version: 8,
    name: 'attachments: blobs and blob_chunks',
    sql: (t) => blobsMigration(t),
  },
  {
    version: 9,
    name: 'trigram indexes for the submission list search',
    sql: (t) => submissionSearchMigration(t),
  },
  {
    version: 10,
    name: 'embed sessions shared by every instance',
    // IF NOT EXISTS: a database started by a build that created the table in a step of its own.
    sql: (_t, schema) => embedSessionsMigration(schema),
  },
];

/** Advisory-lock class of the submission tables' list ("Skem"). */
const LOCK_CLASS = 0x536b656d;

/** Creates the schema and applies the missing migrations of the submission tables' list. */
export function migrate(pool: pg.Pool, schema: string): Promise<number[]> {
  const t = tables(schema);
  return applyMigrations(pool, {
    lockClass: LOCK_CLASS,
    schema,
    versionTable: t.migrations,
    recordsName: true,
    prelude: `CREATE SCHEMA IF NOT EXISTS ${t.schema}`,
    steps: MIGRATIONS.map((m) => ({ version: m.version, name: m.name, sql: m.sql(t, schema) })),
  });
}
