import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEYS, bearer, createTestApp } from '@skema/server/testing';
import { createLowdbStore } from '@skema/store-lowdb';

// Issue #11, "Audit log integrity", as the API answers it: damage is a clear problem, not a crash.
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'skema-audit-http-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function segment(): Promise<string> {
  const names = (await readdir(path.join(dataDir, 'audit'))).filter((f) => f.endsWith('.jsonl')).sort();
  return path.join(dataDir, 'audit', names.at(-1) as string);
}

describe('GET /api/v1/audit over a damaged embedded audit log', () => {
  it('answers 500 store-corrupted (problem+json, no file names) when a line was changed while running', async () => {
    const store = createLowdbStore({ dataDir });
    await store.init();
    try {
      const { app, logs } = createTestApp({ store, formConfigStore: undefined });
      for (let i = 0; i < 3; i++)
        await request(app).get('/api/v1/submissions').set(bearer(TEST_KEYS.caseworker)).expect(200);
      await request(app).get('/api/v1/audit').set(bearer(TEST_KEYS.auditor)).expect(200);
      const file = await segment();
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('"actor":"alpha-caseworker"', '"actor":"alpha-caseworkez"'));

      const res = await request(app).get('/api/v1/audit').set(bearer(TEST_KEYS.auditor)).expect(500);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.type).toBe('https://skema.dk/problems/store-corrupted');
      expect(JSON.stringify(res.body)).not.toContain(dataDir);
      // The operator is told where.
      expect(logs.join('')).toContain(file);
    } finally {
      await store.close();
    }
  });

  it('answers 503 store-unavailable to writes, and readiness fails, when the end of the log is missing', async () => {
    const first = createLowdbStore({ dataDir });
    await first.init();
    const seeding = createTestApp({ store: first, formConfigStore: undefined });
    await request(seeding.app).get('/api/v1/submissions').set(bearer(TEST_KEYS.caseworker)).expect(200);
    await first.close();
    await truncate(await segment(), 0);

    const store = createLowdbStore({ dataDir });
    await store.init();
    try {
      const { app } = createTestApp({ store, formConfigStore: undefined });
      // Listing submissions writes a `list` audit entry, so it is refused too.
      const res = await request(app).get('/api/v1/submissions').set(bearer(TEST_KEYS.caseworker)).expect(503);
      expect(res.body.type).toBe('https://skema.dk/problems/store-unavailable');
      expect(res.headers['retry-after']).toBeDefined();
      await request(app).get('/readyz').expect(503);
      await request(app).get('/api/v1/audit').set(bearer(TEST_KEYS.auditor)).expect(200);
    } finally {
      await store.close();
    }
  });
});
