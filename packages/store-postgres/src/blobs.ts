import { createHash } from 'node:crypto';
import type pg from 'pg';
import {
  blobIntake,
  type AttachmentOwner,
  type AttachmentRecord,
  type BlobHasher,
  type BlobInspector,
  type BlobLimits,
  type BlobStore,
} from '@skema/core';
import { migrate as migrateSchema } from './migrations.js';
import { assertSchemaName } from './sql.js';

/** SHA-256 from node:crypto: the portable one in core is several times slower on large files. */
const nodeSha256 = (): BlobHasher => {
  const h = createHash('sha256');
  return { update: (chunk) => h.update(chunk), digestHex: () => h.digest('hex') };
};

/** Rows of at most this many bytes: an upload is written as it arrives, never held whole. */
const CHUNK_BYTES = 256 * 1024;

interface BlobRow {
  record: AttachmentRecord;
}

/**
 * Attachments in PostgreSQL: `blobs` (metadata) and `blob_chunks` (the bytes in order, bytea of at
 * most 256 kB). A put runs in one transaction: a refused, failed or cut-off upload rolls back and
 * leaves nothing. Its tables are numbered migration 8 (`blobs-sql.ts`).
 */
export class PostgresBlobStore implements BlobStore {
  private readonly blobs: string;
  private readonly chunks: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {
    assertSchemaName(schema);
    this.blobs = `"${schema}"."blobs"`;
    this.chunks = `"${schema}"."blob_chunks"`;
  }

  /**
   * Applies the store's numbered migrations (the tables are migration 8); the same lock and list as
   * the submission store's `init()`, so calling both, in either order, is safe.
   */
  async migrate(): Promise<void> {
    await migrateSchema(this.pool, this.schema);
  }

  async putBlob(
    record: Omit<AttachmentRecord, 'size' | 'sha256' | 'mediaType'>,
    content: AsyncIterable<Uint8Array>,
    limits: BlobLimits,
    inspect: BlobInspector,
  ): Promise<AttachmentRecord> {
    const intake = blobIntake(content, limits, inspect, nodeSha256());
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      let n = 0;
      let buffer: Buffer[] = [];
      let buffered = 0;
      const flush = async (): Promise<void> => {
        if (buffered === 0) return;
        await client.query(`INSERT INTO ${this.chunks} (tenant_id, id, n, bytes) VALUES ($1, $2, $3, $4)`, [
          record.tenantId,
          record.id,
          n++,
          Buffer.concat(buffer),
        ]);
        buffer = [];
        buffered = 0;
      };
      for await (const chunk of intake.chunks) {
        buffer.push(Buffer.from(chunk));
        buffered += chunk.byteLength;
        if (buffered >= CHUNK_BYTES) await flush();
      }
      await flush();
      const stored: AttachmentRecord = { ...record, ...intake.result() };
      await client.query(
        `INSERT INTO ${this.blobs} (tenant_id, id, owner_kind, owner_id, size, record) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        [record.tenantId, record.id, record.owner.kind, record.owner.id, stored.size, JSON.stringify(stored)],
      );
      await client.query('COMMIT');
      return stored;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async getBlob(tenantId: string, id: string): Promise<AttachmentRecord | undefined> {
    return (
      await this.pool.query<BlobRow>(`SELECT record FROM ${this.blobs} WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        id,
      ])
    ).rows[0]?.record;
  }

  async readBlob(tenantId: string, id: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    if (!(await this.getBlob(tenantId, id))) return undefined;
    const { pool, chunks } = this;
    return (async function* () {
      // One chunk per query: a download holds one chunk, never the file.
      for (let n = 0; ; n++) {
        const row = (
          await pool.query<{ bytes: Buffer }>(
            `SELECT bytes FROM ${chunks} WHERE tenant_id = $1 AND id = $2 AND n = $3`,
            [tenantId, id, n],
          )
        ).rows[0];
        if (!row) return;
        yield row.bytes;
      }
    })();
  }

  async listBlobs(tenantId: string, owner: AttachmentOwner): Promise<AttachmentRecord[]> {
    const rows = await this.pool.query<BlobRow>(
      `SELECT record FROM ${this.blobs} WHERE tenant_id = $1 AND owner_kind = $2 AND owner_id = $3 ORDER BY record->>'createdAt', id`,
      [tenantId, owner.kind, owner.id],
    );
    return rows.rows.map((r) => r.record);
  }

  async deleteBlob(tenantId: string, id: string): Promise<boolean> {
    return (
      ((await this.pool.query(`DELETE FROM ${this.blobs} WHERE tenant_id = $1 AND id = $2`, [tenantId, id])).rowCount ??
        0) > 0
    );
  }

  async tenantUsage(tenantId: string): Promise<number> {
    return Number(
      (
        await this.pool.query<{ total: string | null }>(
          `SELECT sum(size)::text AS total FROM ${this.blobs} WHERE tenant_id = $1`,
          [tenantId],
        )
      ).rows[0]?.total ?? 0,
    );
  }
}
