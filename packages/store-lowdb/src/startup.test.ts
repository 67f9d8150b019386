import { mkdtemp, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptionError } from '@skema/core';
import type { NewSubmission } from '@skema/core';
import { encodeDocument } from './adapter.js';
import { docPath } from './doc.js';
import { snapshotPath } from './snapshot.js';
import { createLowdbStore } from './store.js';
import type { LowdbStoreOptions } from './store.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'skema-startup-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const T = 'tenant-a';
const audit = { tenantId: T, at: '2025-03-01T09:00:00.000Z', actor: 'api-key', action: 'create' as const };

function submission(id: string): NewSubmission {
  return {
    id,
    tenantId: T,
    formId: 'underretning',
    version: '1.0.0',
    status: 'submitted',
    data: { note: 'fictitious' },
    receipt: {
      formId: 'underretning',
      version: '1.0.0',
      schemaHash: 'h',
      plugins: [],
      validatedAt: '2025-03-01T09:00:00.000Z',
    },
    by: 'api-key',
    at: '2025-03-01T09:00:00.000Z',
  };
}

async function withStore<T>(
  work: (store: ReturnType<typeof createLowdbStore>) => Promise<T>,
  options: Partial<LowdbStoreOptions> = {},
): Promise<T> {
  const store = createLowdbStore({ dataDir, ...options });
  await store.init();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function seedThree(): Promise<void> {
  await withStore(async (store) => {
    for (const id of ['sub-1', 'sub-2', 'sub-3']) await store.create(submission(id), audit);
  });
}

async function initError(options: Partial<LowdbStoreOptions> = {}): Promise<unknown> {
  const store = createLowdbStore({ dataDir, ...options });
  return store.init().then(
    () => store.close().then(() => undefined),
    (e: unknown) => e,
  );
}

describe('start-up verification', () => {
  it('uses the snapshot on a clean restart without reading files', async () => {
    await seedThree();
    await withStore(async (store) => {
      expect(store.startupReport).toMatchObject({ mode: 'snapshot', submissions: 3, filesRead: 0 });
      expect((await store.list(T, {})).items).toHaveLength(3);
    });
  });

  for (const [why, damage] of [
    ['garbage', async (file: string) => writeFile(file, '{ this is not json')],
    ['truncation', async (file: string) => writeFile(file, (await readFile(file, 'utf8')).slice(0, 100))],
    [
      'checksum mismatch',
      async (file: string) => writeFile(file, (await readFile(file, 'utf8')).replace('fictitious', 'fictitiouz')),
    ],
    [
      'wrong shape',
      async (file: string) => writeFile(file, encodeDocument({ format: 1, submission: { id: 'sub-2' } })),
    ],
  ] as const) {
    for (const verify of ['stat', 'full'] as const) {
      it(`reports ${why} of a submission file at init (verify: ${verify})`, async () => {
        await seedThree();
        const file = docPath(dataDir, 'sub-2');
        await damage(file);
        const error = await initError({ verify });
        expect(error).toBeInstanceOf(StoreCorruptionError);
        expect((error as StoreCorruptionError).files).toHaveLength(1);
        expect((error as StoreCorruptionError).files[0]).toContain(file);
        expect((error as Error).message).not.toContain('fictitious');
        // The damaged file is still there for the operator, and the failed start released the lock.
        expect((await stat(file)).isFile()).toBe(true);
        expect(await initError({ verify })).toBeInstanceOf(StoreCorruptionError);
      });
    }
  }

  it('reports a damaged file even without a snapshot', async () => {
    await seedThree();
    await unlink(snapshotPath(dataDir));
    await writeFile(docPath(dataDir, 'sub-1'), '');
    expect(await initError()).toBeInstanceOf(StoreCorruptionError);
  });

  it('reports a submission file that vanished behind its back', async () => {
    await seedThree();
    await unlink(docPath(dataDir, 'sub-3'));
    const error = await initError();
    expect(error).toBeInstanceOf(StoreCorruptionError);
    expect((error as Error).message).toContain('Missing data file');
  });

  it('never serves a file damaged while running', async () => {
    await withStore(async (store) => {
      await store.create(submission('sub-1'), audit);
      await writeFile(docPath(dataDir, 'sub-1'), 'garbage');
      await expect(store.get(T, 'sub-1')).rejects.toBeInstanceOf(StoreCorruptionError);
      await expect(store.list(T, {})).rejects.toBeInstanceOf(StoreCorruptionError);
    });
  });

  it('ignores and removes leftover temp files from a crash', async () => {
    await seedThree();
    const file = docPath(dataDir, 'sub-1');
    const newer = (await readFile(file, 'utf8')).replace('"revision":1', '"revision":7');
    await writeFile(`${file}.a1b2c3d4e5f6.tmp`, newer);
    await writeFile(`${file}.0000000000aa.tmp`, '{"half');
    await withStore(async (store) => {
      expect(store.startupReport?.tempFilesRemoved).toBe(2);
      expect((await store.get(T, 'sub-1'))?.revision).toBe(1);
    });
    expect((await readdir(path.dirname(file))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rebuilds the index by a full scan when the snapshot is damaged', async () => {
    await seedThree();
    await writeFile(snapshotPath(dataDir), '{"sha256":"0');
    await withStore(async (store) => {
      expect(store.startupReport).toMatchObject({ mode: 'full-scan', submissions: 3, filesRead: 3 });
      expect(store.startupReport?.snapshotProblem).toBeDefined();
    });
    await withStore(async (store) => expect(store.startupReport?.mode).toBe('snapshot'));
  });

  it('picks up a file changed or added behind a stale snapshot', async () => {
    await seedThree();
    const snapshot = await readFile(snapshotPath(dataDir));
    await withStore(async (store) => {
      await store.create(submission('sub-4'), audit);
      await store.update(
        T,
        'sub-1',
        {
          expectedRevision: 1,
          status: 'approved',
          receipt: submission('x').receipt,
          action: 'status',
          changes: [],
          by: 'k',
          at: '2025-03-02T00:00:00.000Z',
        },
        { ...audit, action: 'status' },
      );
    });
    // Put the old snapshot back: it knows neither sub-4 nor sub-1's new state, and its seq predates both.
    await writeFile(snapshotPath(dataDir), snapshot);
    await withStore(async (store) => {
      expect(store.startupReport?.mode).toBe('snapshot');
      expect((await store.list(T, {})).items.map((s) => s.id).sort()).toEqual(['sub-1', 'sub-2', 'sub-3', 'sub-4']);
      expect((await store.list(T, { status: 'approved' })).items.map((s) => s.id)).toEqual(['sub-1']);
    });
  });

  it('keeps idempotency keys across restarts with and without a snapshot', async () => {
    await withStore((store) => store.create(submission('sub-1'), audit, { key: 'k1', requestHash: 'h' }));
    for (const verify of ['stat', 'full'] as const) {
      await withStore(
        async (store) => {
          const again = await store.create(submission('sub-9'), audit, { key: 'k1', requestHash: 'h2' });
          expect(again).toMatchObject({
            created: false,
            submission: { id: 'sub-1' },
            idempotency: { requestHash: 'h' },
          });
        },
        { verify },
      );
    }
  });
});
