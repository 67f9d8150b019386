// Attachments follow retention (#16): when the retention job deletes a submission, its files'
// content and metadata go too, on every store with its blob store; a legal hold keeps both, and a
// case's files (cases are not deleted by retention) stay.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { AttachmentOwner, BlobStore, SubmissionStore } from '@skema/core';
import { createLogger, runRetention } from '@skema/server';
import { createMemoryStore } from '@skema/server/testing';
import { MemoryBlobStore } from '@skema/submissions/testing';
import { createFileBlobStore, createLowdbStore } from '@skema/store-lowdb';
import { createPostgresStore, PostgresBlobStore } from '@skema/store-postgres';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from './pg-env.js';

interface Stores {
  store: SubmissionStore;
  blobs: BlobStore;
  /** Files (or rows) the blob store still holds for a tenant, whatever their metadata says. */
  stored(tenantId: string): Promise<number>;
  cleanup(): Promise<void>;
}

const CLOSED_AT = '2024-01-01T00:00:00.000Z';
const receipt = {
  formId: 'henvendelse',
  version: '1.0.0',
  schemaHash: 'h',
  plugins: [],
  validatedAt: CLOSED_AT,
};
const silent = createLogger({
  level: 'fatal',
  destination: new Writable({ write: (_c, _e, cb) => cb() }),
});

async function seed(store: SubmissionStore, id: string, legalHold = false): Promise<void> {
  const audit = {
    tenantId: 'alpha',
    at: CLOSED_AT,
    actor: 'k',
    action: 'create' as const,
    submissionId: id,
  };
  await store.create(
    {
      id,
      tenantId: 'alpha',
      formId: 'henvendelse',
      version: '1.0.0',
      status: 'approved',
      data: { navn: 'Ida' },
      receipt,
      by: 'k',
      at: CLOSED_AT,
    },
    audit,
  );
  if (legalHold) {
    await store.update(
      'alpha',
      id,
      {
        expectedRevision: 1,
        legalHold: true,
        receipt,
        action: 'legal-hold',
        changes: [],
        by: 'k',
        at: CLOSED_AT,
      },
      { ...audit, action: 'legal-hold' },
    );
  }
}

async function* pdf(): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(`%PDF-1.7\n${'A'.repeat(5000)}`);
}

async function attach(blobs: BlobStore, id: string, owner: AttachmentOwner): Promise<void> {
  await blobs.putBlob(
    { id, tenantId: 'alpha', owner, fileName: `${id}.pdf`, createdAt: CLOSED_AT, createdBy: 'k' },
    pdf(),
    { maxBytes: 1_000_000 },
    { head: async () => 'application/pdf' },
  );
}

function retentionSuite(name: string, open: () => Promise<Stores>): void {
  describe(`retention deletes attachments with their submission (${name})`, () => {
    it('DP-03 removes the files of an expired submission; a legal hold and a case keep theirs', async () => {
      const s = await open();
      try {
        await seed(s.store, 'expired');
        await seed(s.store, 'held', true);
        await attach(s.blobs, 'a-expired-1', { kind: 'submission', id: 'expired' });
        await attach(s.blobs, 'a-expired-2', { kind: 'submission', id: 'expired' });
        await attach(s.blobs, 'a-held', { kind: 'submission', id: 'held' });
        await attach(s.blobs, 'a-case', { kind: 'case', id: 'c1' });
        expect(await s.stored('alpha')).toBe(4);
        const usage = await s.blobs.tenantUsage('alpha');

        const result = await runRetention({
          store: s.store,
          blobs: s.blobs,
          tenants: [{ id: 'alpha', retention: { defaultDays: 30, withoutArchive: true } }],
          now: () => new Date('2025-06-01T00:00:00Z'),
          logger: silent,
        });

        expect(result.tenants.alpha).toMatchObject({ deleted: 1, held: 1, failed: 0 });
        expect(await s.store.get('alpha', 'expired')).toBeUndefined();
        for (const id of ['a-expired-1', 'a-expired-2']) {
          expect(await s.blobs.getBlob('alpha', id)).toBeUndefined();
          expect(await s.blobs.readBlob('alpha', id)).toBeUndefined();
        }
        expect(await s.blobs.listBlobs('alpha', { kind: 'submission', id: 'expired' })).toEqual([]);
        expect((await s.blobs.listBlobs('alpha', { kind: 'submission', id: 'held' })).map((r) => r.id)).toEqual([
          'a-held',
        ]);
        expect((await s.blobs.listBlobs('alpha', { kind: 'case', id: 'c1' })).map((r) => r.id)).toEqual(['a-case']);
        // The bytes are gone, not only the metadata: the quota and the storage both shrink.
        expect(await s.stored('alpha')).toBe(2);
        expect(await s.blobs.tenantUsage('alpha')).toBeLessThan(usage);
      } finally {
        await s.cleanup();
      }
    });
  });
}

retentionSuite('memory', async () => {
  const blobs = new MemoryBlobStore();
  return {
    store: createMemoryStore(),
    blobs,
    stored: async () => blobs.count,
    cleanup: async () => undefined,
  };
});

retentionSuite('lowdb with files', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-retention-blobs-'));
  const store = createLowdbStore({ dataDir });
  await store.init();
  const blobs = createFileBlobStore(dataDir);
  return {
    store,
    blobs,
    // Content files on disk (one tenant here), whatever the metadata says.
    stored: async () => {
      const dirs = await readdir(blobs.root).catch(() => [] as string[]);
      const names = (await Promise.all(dirs.map((d) => readdir(path.join(blobs.root, d))))).flat();
      return names.filter((n) => n.endsWith('.bin')).length;
    },
    cleanup: async () => {
      await store.close?.();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

if (await databaseReachable()) {
  retentionSuite('postgres with tables', async () => {
    const schema = testSchema();
    const store = createPostgresStore({ connectionString: DATABASE_URL, schema });
    await store.init();
    const blobs = new PostgresBlobStore(store.pool, schema);
    await blobs.migrate();
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    return {
      store,
      blobs,
      stored: async (tenantId) =>
        Number(
          (
            await pool.query(`SELECT count(DISTINCT id) AS n FROM "${schema}".blob_chunks WHERE tenant_id = $1`, [
              tenantId,
            ])
          ).rows[0].n,
        ),
      cleanup: async () => {
        await pool.end();
        await store.close();
        await dropSchema(schema);
      },
    };
  });
} else {
  describe.skip(`retention with PostgreSQL blobs (skipped: ${DATABASE_URL} unreachable)`, () =>
    it('needs a database', () => undefined));
}
