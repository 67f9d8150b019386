import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, SubmissionChange } from '@skema/core';
import { decodeDocument, encodeDocument } from './adapter.js';
import type { SubmissionDoc } from './doc.js';
import { docPath } from './doc.js';
import { createLowdbStore } from './store.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'skema-status-time-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const T = 'tenant-a';
const receipt = {
  formId: 'f',
  version: '1.0.0',
  schemaHash: 'h',
  plugins: [],
  validatedAt: '2025-03-01T09:00:00.000Z',
};
const audit = (action: AuditEntry['action'], at: string) => ({ tenantId: T, at, actor: 'k', action });
const change = (expectedRevision: number, at: string, over: Partial<SubmissionChange>): SubmissionChange => ({
  expectedRevision,
  receipt,
  action: 'update',
  changes: [],
  by: 'k',
  at,
  ...over,
});

async function open() {
  const store = createLowdbStore({ dataDir });
  await store.init();
  return store;
}

/** Rewrites a stored document as one written before `statusChangedAt` existed (valid checksum, no field). */
async function dropStatusChangedAt(id: string): Promise<void> {
  const file = docPath(dataDir, id);
  const doc = decodeDocument<SubmissionDoc>(await readFile(file, 'utf8'), file);
  delete doc.submission.statusChangedAt;
  await writeFile(file, encodeDocument(doc));
}

describe('documents written before statusChangedAt existed', () => {
  it('DP-03 get the time their status was entered from their revisions, not their last update', async () => {
    let store = await open();
    await store.create(
      {
        id: 's1',
        tenantId: T,
        formId: 'f',
        version: '1.0.0',
        status: 'submitted',
        data: {},
        receipt,
        by: 'k',
        at: '2025-01-01T00:00:00.000Z',
      },
      audit('create', '2025-01-01T00:00:00.000Z'),
    );
    await store.update(
      T,
      's1',
      change(1, '2025-02-01T00:00:00.000Z', { action: 'status', status: 'approved' }),
      audit('status', '2025-02-01T00:00:00.000Z'),
    );
    await store.update(
      T,
      's1',
      change(2, '2025-03-01T00:00:00.000Z', { action: 'legal-hold', legalHold: true }),
      audit('legal-hold', '2025-03-01T00:00:00.000Z'),
    );
    await store.close();
    await dropStatusChangedAt('s1');

    store = await open();
    try {
      const read = await store.get(T, 's1');
      expect(read).toMatchObject({
        status: 'approved',
        updatedAt: '2025-03-01T00:00:00.000Z',
        statusChangedAt: '2025-02-01T00:00:00.000Z',
      });
      expect((await store.list(T, {})).items[0]?.statusChangedAt).toBe('2025-02-01T00:00:00.000Z');
      // The next write stores the derived value; a release does not move it.
      const released = await store.update(
        T,
        's1',
        change(3, '2025-04-01T00:00:00.000Z', { action: 'legal-hold', legalHold: false }),
        audit('legal-hold', '2025-04-01T00:00:00.000Z'),
      );
      expect(released.statusChangedAt).toBe('2025-02-01T00:00:00.000Z');
      const file = docPath(dataDir, 's1');
      expect(decodeDocument<SubmissionDoc>(await readFile(file, 'utf8'), file).submission.statusChangedAt).toBe(
        '2025-02-01T00:00:00.000Z',
      );
    } finally {
      await store.close();
    }
  });

  it('refuses a document whose statusChangedAt is not a date-time', async () => {
    const store = await open();
    await store.create(
      {
        id: 's2',
        tenantId: T,
        formId: 'f',
        version: '1.0.0',
        status: 'draft',
        data: {},
        receipt,
        by: 'k',
        at: '2025-01-01T00:00:00.000Z',
      },
      audit('create', '2025-01-01T00:00:00.000Z'),
    );
    await store.close();
    const file = docPath(dataDir, 's2');
    const doc = decodeDocument<SubmissionDoc>(await readFile(file, 'utf8'), file);
    await writeFile(file, encodeDocument({ ...doc, submission: { ...doc.submission, statusChangedAt: 'yesterday' } }));
    await expect(open()).rejects.toThrow(/statusChangedAt invalid/);
  });
});
