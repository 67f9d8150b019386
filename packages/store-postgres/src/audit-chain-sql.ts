import type { Tables } from './sql.js';

/** `prev` of a tenant's first entry. */
export const GENESIS = '0'.repeat(64);

/** The columns a row's hash covers, in the order `audit_row_hash` takes them. */
export const HASHED_COLUMNS = 'prev, seq, id, tenant_id, at, actor, action, submission_id, details';

/**
 * Migration 4: every audit row carries `prev` (the hash of the tenant's previous row) and `hash`
 * (SHA-256 over `prev` and the row's columns as a JSON array: unambiguous, and jsonb's text form is
 * canonical). A BEFORE INSERT trigger computes both in the inserting transaction: it locks the
 * tenant's row in `audit_chain_heads` (so one tenant's entries chain one at a time, other tenants
 * run in parallel) and draws `seq` under that lock, so a tenant's chain order is its seq order.
 * Existing rows are chained in seq order by the migration itself.
 */
export function auditChainMigration(t: Tables): string {
  const heads = `${t.schema}.audit_chain_heads`;
  return `
    CREATE FUNCTION ${t.schema}.audit_row_hash(prev text, seq bigint, id uuid, tenant_id text, at timestamptz, actor text, action text, submission_id text, details jsonb)
      RETURNS text LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(jsonb_build_array(prev, seq, id, tenant_id,
          (extract(epoch FROM at) * 1000000)::bigint, actor, action, submission_id, details)::text, 'UTF8')), 'hex')
      $$;
    CREATE TABLE ${heads} (
      tenant_id text PRIMARY KEY,
      seq       bigint NOT NULL,
      hash      text NOT NULL
    );
    ALTER TABLE ${t.audit} ADD COLUMN prev text, ADD COLUMN hash text;

    ALTER TABLE ${t.audit} DISABLE TRIGGER audit_append_only;
    DO $$
    DECLARE r record; last_hash text; last_tenant text;
    BEGIN
      FOR r IN SELECT * FROM ${t.audit} ORDER BY tenant_id, seq LOOP
        IF last_tenant IS DISTINCT FROM r.tenant_id THEN last_hash := '${GENESIS}'; last_tenant := r.tenant_id; END IF;
        UPDATE ${t.audit} SET prev = last_hash,
          hash = ${t.schema}.audit_row_hash(last_hash, r.seq, r.id, r.tenant_id, r.at, r.actor, r.action, r.submission_id, r.details)
          WHERE seq = r.seq RETURNING hash INTO last_hash;
        INSERT INTO ${heads} (tenant_id, seq, hash) VALUES (r.tenant_id, r.seq, last_hash)
          ON CONFLICT (tenant_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
      END LOOP;
    END $$;
    ALTER TABLE ${t.audit} ENABLE TRIGGER audit_append_only;
    ALTER TABLE ${t.audit} ALTER COLUMN prev SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
    -- seq is drawn by the trigger, under the tenant's lock; a default would only waste numbers.
    ALTER TABLE ${t.audit} ALTER COLUMN seq DROP DEFAULT;

    CREATE FUNCTION ${t.schema}.audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE head text;
      BEGIN
        -- Locks the tenant's head until commit (ON CONFLICT DO UPDATE takes the row lock).
        INSERT INTO ${heads} AS h (tenant_id, seq, hash) VALUES (NEW.tenant_id, 0, '${GENESIS}')
          ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id
          RETURNING h.hash INTO head;
        NEW.seq := nextval(pg_get_serial_sequence('${t.audit}', 'seq'));
        NEW.prev := head;
        NEW.hash := ${t.schema}.audit_row_hash(NEW.prev, NEW.seq, NEW.id, NEW.tenant_id, NEW.at, NEW.actor, NEW.action, NEW.submission_id, NEW.details);
        UPDATE ${heads} SET seq = NEW.seq, hash = NEW.hash WHERE tenant_id = NEW.tenant_id;
        RETURN NEW;
      END $$;
    CREATE TRIGGER audit_chain BEFORE INSERT ON ${t.audit}
      FOR EACH ROW EXECUTE FUNCTION ${t.schema}.audit_chain();
  `;
}

/**
 * The first row whose hash does not match its content, or whose `prev` is not the hash of the
 * tenant's row before it (a changed, removed or inserted row).
 */
export function firstBrokenLinkSql(t: Tables): string {
  return `
    SELECT tenant_id, seq::text AS seq, CASE WHEN hash IS DISTINCT FROM computed THEN 'changed' ELSE 'unlinked' END AS reason
    FROM (
      SELECT tenant_id, seq, hash,
        ${t.schema}.audit_row_hash(${HASHED_COLUMNS}) AS computed,
        prev IS DISTINCT FROM COALESCE(lag(hash) OVER (PARTITION BY tenant_id ORDER BY seq), '${GENESIS}') AS unlinked
      FROM ${t.audit}
    ) x
    WHERE hash IS DISTINCT FROM computed OR unlinked
    ORDER BY seq LIMIT 1`;
}

/** A tenant whose head does not name its last row (rows removed from the end), or whose rows have no head. */
export function headMismatchSql(t: Tables): string {
  const heads = `${t.schema}.audit_chain_heads`;
  return `
    SELECT h.tenant_id, h.seq::text AS head_seq, l.seq::text AS last_seq
    FROM ${heads} h
    LEFT JOIN LATERAL (SELECT seq, hash FROM ${t.audit} a WHERE a.tenant_id = h.tenant_id ORDER BY seq DESC LIMIT 1) l ON true
    WHERE h.seq <> 0 AND (l.seq IS DISTINCT FROM h.seq OR l.hash IS DISTINCT FROM h.hash)
    UNION ALL
    (SELECT a.tenant_id, NULL, max(a.seq)::text FROM ${t.audit} a
      WHERE NOT EXISTS (SELECT 1 FROM ${heads} h WHERE h.tenant_id = a.tenant_id) GROUP BY a.tenant_id)
    LIMIT 1`;
}
