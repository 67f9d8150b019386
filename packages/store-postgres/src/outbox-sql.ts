import type pg from 'pg';
import { applyMigrations } from './migration-runner.js';

/** The outbox's tables, beside the submissions' in the same schema. */
export function outboxTables(schema: string) {
  const q = (name: string): string => `"${schema}"."${name}"`;
  return {
    migrations: q('outbox_migrations'),
    events: q('outbox_events'),
    subscriptions: q('webhook_subscriptions'),
    deliveries: q('webhook_deliveries'),
  };
}

export type OutboxTables = ReturnType<typeof outboxTables>;

/**
 * The outbox's own migrations, kept apart from the submission tables' list (and its own version
 * table), so both evolve without renumbering each other. Append-only.
 */
const OUTBOX_MIGRATIONS: Array<{ version: number; sql: (o: OutboxTables) => string }> = [
  {
    version: 1,
    sql: (o) => `
      CREATE TABLE ${o.events} (
        seq           bigserial PRIMARY KEY,
        id            uuid NOT NULL UNIQUE,
        tenant_id     text NOT NULL,
        type          text NOT NULL,
        submission_id text COLLATE "C",
        at            timestamptz NOT NULL,
        payload       jsonb NOT NULL,
        dedupe_key    text
      );
      CREATE UNIQUE INDEX outbox_events_dedupe ON ${o.events} (tenant_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
      CREATE TABLE ${o.subscriptions} (
        tenant_id       text NOT NULL,
        id              text NOT NULL,
        url             text NOT NULL,
        events          text[] NOT NULL,
        secret          text NOT NULL,
        archive         boolean NOT NULL,
        allow_private   boolean NOT NULL DEFAULT false,
        enabled         boolean NOT NULL,
        disabled_reason text,
        source          text NOT NULL CHECK (source IN ('config', 'api')),
        created_at      timestamptz NOT NULL,
        updated_at      timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE TABLE ${o.deliveries} (
        id               uuid PRIMARY KEY,
        event_seq        bigint NOT NULL,
        event_id         uuid NOT NULL,
        tenant_id        text NOT NULL,
        event_type       text NOT NULL,
        submission_id    text COLLATE "C",
        subscription_id  text NOT NULL,
        archive          boolean NOT NULL,
        status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL,
        created_at       timestamptz NOT NULL,
        last_attempt_at  timestamptz,
        last_status_code integer,
        last_error       text,
        delivered_at     timestamptz,
        claim_token      uuid,
        claimed_until    timestamptz,
        UNIQUE (event_id, subscription_id)
      );
      CREATE INDEX webhook_deliveries_pending ON ${o.deliveries} (event_seq) WHERE status = 'pending';
      CREATE INDEX webhook_deliveries_order ON ${o.deliveries} (tenant_id, subscription_id, submission_id, event_seq) WHERE status = 'pending';
      CREATE INDEX webhook_deliveries_tenant ON ${o.deliveries} (tenant_id, event_seq);
      CREATE INDEX webhook_deliveries_archive ON ${o.deliveries} (tenant_id, submission_id) WHERE archive AND status = 'delivered';
    `,
  },
  {
    // A queue table: every delivery is updated twice (claim, outcome), and each update leaves a dead
    // row whose entries the pending indexes keep until a vacuum; a claim then walks over them (about
    // 2 ms per claim with 12,000 dead entries). Room on each page lets the claim's update stay on its
    // page without new index entries (HOT: it changes no indexed column), and the table is vacuumed
    // after every 1,000 dead rows instead of after a fifth of the table, without the cost-based pause.
    version: 2,
    sql: (o) => `
      ALTER TABLE ${o.deliveries} SET (
        fillfactor = 70,
        autovacuum_vacuum_scale_factor = 0,
        autovacuum_vacuum_threshold = 1000,
        autovacuum_vacuum_cost_delay = 0,
        autovacuum_analyze_scale_factor = 0.05
      );
    `,
  },
];

const LOCK_CLASS = 0x536b6f62;

/** Applies missing outbox migrations (its own version table; instances starting together apply each once). */
export function migrateOutbox(pool: pg.Pool, schema: string): Promise<number[]> {
  const o = outboxTables(schema);
  return applyMigrations(pool, {
    lockClass: LOCK_CLASS,
    schema,
    versionTable: o.migrations,
    recordsName: false,
    steps: OUTBOX_MIGRATIONS.map((m) => ({ version: m.version, name: `outbox ${m.version}`, sql: m.sql(o) })),
  });
}

/**
 * CTEs that store a write's events and fan them out to the tenant's enabled subscriptions, for the
 * end of the write's own statement (so they commit with it, or not at all). `param` is the index of
 * the JSON array of events; `guard` a CTE of the write that is empty when nothing was written. An
 * event whose dedupe key the tenant used already is dropped (ON CONFLICT).
 */
export function eventCtes(o: OutboxTables, param: number, guard?: string): string {
  return `
    ev AS (
      INSERT INTO ${o.events} (id, tenant_id, type, submission_id, at, payload, dedupe_key)
      SELECT (x.e->>'id')::uuid, x.e->>'tenantId', x.e->>'type', x.e->>'submissionId', (x.e->>'at')::timestamptz, x.e->'payload', x.e->>'dedupeKey'
      FROM jsonb_array_elements(COALESCE($${param}::jsonb, '[]'::jsonb)) WITH ORDINALITY AS x(e, ord)
      ${guard ? `WHERE EXISTS (SELECT 1 FROM ${guard})` : ''}
      ORDER BY x.ord
      ON CONFLICT DO NOTHING
      RETURNING seq, id, tenant_id, type, submission_id, at
    ),
    dl AS (
      INSERT INTO ${o.deliveries} (id, event_seq, event_id, tenant_id, event_type, submission_id, subscription_id, archive, status, next_attempt_at, created_at)
      SELECT gen_random_uuid(), ev.seq, ev.id, ev.tenant_id, ev.type, ev.submission_id, s.id, s.archive, 'pending', ev.at, ev.at
      FROM ev JOIN ${o.subscriptions} s ON s.tenant_id = ev.tenant_id AND s.enabled AND (ev.type = ANY (s.events) OR '*' = ANY (s.events))
    )`;
}

/** The outbox tables of the schema a submission query runs in (`t.schema` is the quoted schema name). */
export function outboxTablesOf(t: { schema: string }): OutboxTables {
  return outboxTables(t.schema.slice(1, -1));
}
