import type { Tables } from './sql.js';

/**
 * Attachments' tables: `blobs` (metadata) and `blob_chunks` (the bytes in order). `IF NOT EXISTS`
 * throughout: databases started before this migration existed had the same tables created by
 * `PostgresBlobStore.migrate()` outside the numbered list, and must migrate without a change.
 */
export function blobsMigration(t: Tables): string {
  const blobs = `${t.schema}."blobs"`;
  const chunks = `${t.schema}."blob_chunks"`;
  return `
    CREATE TABLE IF NOT EXISTS ${blobs} (
      tenant_id text NOT NULL, id text NOT NULL, owner_kind text NOT NULL, owner_id text NOT NULL, size bigint NOT NULL, record jsonb NOT NULL,
      PRIMARY KEY (tenant_id, id));
    CREATE INDEX IF NOT EXISTS blobs_owner ON ${blobs} (tenant_id, owner_kind, owner_id);
    CREATE TABLE IF NOT EXISTS ${chunks} (
      tenant_id text NOT NULL, id text NOT NULL, n integer NOT NULL, bytes bytea NOT NULL,
      PRIMARY KEY (tenant_id, id, n),
      FOREIGN KEY (tenant_id, id) REFERENCES ${blobs} (tenant_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
  `;
}
