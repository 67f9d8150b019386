import type pg from 'pg';
import type { EmbedSessionRecord } from '@skema/core';
import { json } from './rows.js';

/** The embed session table of one schema. */
export const embedSessionsTable = (schema: string): string => `"${schema}"."embed_sessions"`;

/** Migration 10: the table. `created` and `reservations` are jsonb arrays; the token's SHA-256 is unique, never the token. */
export function embedSessionsMigration(schema: string): string {
  return `
    CREATE TABLE IF NOT EXISTS ${embedSessionsTable(schema)} (
      id            text PRIMARY KEY,
      token_hash    text NOT NULL UNIQUE,
      tenant_id     text NOT NULL,
      expires_at    timestamptz NOT NULL,
      max_creates   integer NOT NULL CHECK (max_creates >= 0),
      created       jsonb NOT NULL DEFAULT '[]'::jsonb,
      reservations  jsonb NOT NULL DEFAULT '[]'::jsonb,
      record        jsonb NOT NULL
    );
    CREATE INDEX IF NOT EXISTS embed_sessions_expiry ON ${embedSessionsTable(schema)} (expires_at);
  `;
}

interface Row {
  record: Omit<EmbedSessionRecord, 'created' | 'reservations'>;
  created: string[];
  reservations: Array<{ id: string; until: string }>;
}

/**
 * Embed sessions in PostgreSQL, shared by every instance on the database. A reservation is one
 * `UPDATE … WHERE` whose condition (live, `created` plus live reservations below `max_creates`)
 * PostgreSQL re-checks on the locked, newest row version: of racing requests on any instances,
 * only as many succeed as there are slots.
 */
export class PostgresEmbedSessions {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.table = embedSessionsTable(schema);
  }

  async create(record: EmbedSessionRecord): Promise<void> {
    const { created, reservations, ...rest } = record;
    await this.pool.query(
      `INSERT INTO ${this.table} (id, token_hash, tenant_id, expires_at, max_creates, created, reservations, record) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb)`,
      [
        record.id,
        record.tokenHash,
        record.tenantId,
        record.expiresAt,
        record.maxCreates,
        json(created),
        json(reservations),
        json(rest),
      ],
    );
  }

  async byToken(tokenHash: string, now: string): Promise<EmbedSessionRecord | undefined> {
    const row = (
      await this.pool.query<Row>(
        `SELECT record, created, reservations FROM ${this.table} WHERE token_hash = $1 AND expires_at > $2`,
        [tokenHash, now],
      )
    ).rows[0];
    return row ? { ...row.record, created: row.created, reservations: row.reservations } : undefined;
  }

  async reserve(id: string, reservation: { id: string; until: string }, now: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.table} s
          SET reservations = (SELECT coalesce(jsonb_agg(r), '[]'::jsonb) FROM jsonb_array_elements(s.reservations) r WHERE (r->>'until')::timestamptz > $3::timestamptz) || $2::jsonb
        WHERE s.id = $1
          AND s.expires_at > $3::timestamptz
          AND jsonb_array_length(s.created)
              + (SELECT count(*) FROM jsonb_array_elements(s.reservations) r WHERE (r->>'until')::timestamptz > $3::timestamptz)
              < s.max_creates`,
      [id, json([reservation]), now],
    );
    return result.rowCount === 1;
  }

  async commit(id: string, reservationId: string, submissionId: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} s
          SET reservations = (SELECT coalesce(jsonb_agg(r), '[]'::jsonb) FROM jsonb_array_elements(s.reservations) r WHERE r->>'id' <> $2),
              created = CASE WHEN s.created ? $3 THEN s.created ELSE s.created || to_jsonb($3::text) END
        WHERE s.id = $1`,
      [id, reservationId, submissionId],
    );
  }

  async release(id: string, reservationId: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} s SET reservations = (SELECT coalesce(jsonb_agg(r), '[]'::jsonb) FROM jsonb_array_elements(s.reservations) r WHERE r->>'id' <> $2) WHERE s.id = $1`,
      [id, reservationId],
    );
  }

  async purge(now: string): Promise<number> {
    return (await this.pool.query(`DELETE FROM ${this.table} WHERE expires_at <= $1`, [now])).rowCount ?? 0;
  }
}
