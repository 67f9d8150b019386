import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubmissionStore } from '@skema/core';
import { bearer, createTestApp, fixtureData, MemorySubmissionStore, TEST_KEYS } from '@skema/server/testing';
import { createLowdbStore } from '@skema/store-lowdb';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';

const PARALLEL = 12;
const ROUNDS = 4;
const auth = bearer(TEST_KEYS.caseworker);
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const stores: Array<[string, () => Promise<SubmissionStore>]> = [
  ['memory', async () => new MemorySubmissionStore()],
  [
    'lowdb',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'skema-concurrency-'));
      dirs.push(dir);
      const store = createLowdbStore({ dataDir: dir });
      await store.init();
      return store;
    },
  ],
];

describe.each(stores)('parallel PUTs with the same If-Match (%s store)', (_name, makeStore) => {
  it('exactly one 200 per revision, the rest 412, and no revision lost', async () => {
    const store = await makeStore();
    const { app } = createTestApp({
      store,
      config: {
        tenants: [
          { id: 'alpha', keys: [{ id: 'alpha-caseworker', key: TEST_KEYS.caseworker, roles: ['caseworker'] }] },
        ],
        rateLimit: { windowMs: 60_000, limit: 100_000 },
      },
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const created = await request(server)
        .post('/api/v1/submissions')
        .set(auth)
        .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() })
        .expect(201);
      const url = created.headers.location!;
      let etag = created.headers.etag!;
      const winners: string[] = [];

      for (let round = 0; round < ROUNDS; round++) {
        const results = await Promise.all(
          Array.from({ length: PARALLEL }, (_, i) =>
            request(server)
              .put(url)
              .set(auth)
              .set('If-Match', etag)
              .send({ data: fixtureData({ navn: `Runde ${round} skriver ${i}` }) }),
          ),
        );
        const statuses = results.map((r) => r.status).sort();
        expect(
          statuses.filter((s) => s === 200),
          `round ${round}: ${statuses.join(',')}`,
        ).toHaveLength(1);
        expect(statuses.filter((s) => s === 412)).toHaveLength(PARALLEL - 1);
        const winner = results.find((r) => r.status === 200)!;
        expect(winner.body.submission.revision).toBe(round + 2);
        winners.push(winner.body.submission.data.navn);
        etag = winner.headers.etag!;
      }

      const revisions = await request(server).get(`${url}/revisions`).set(auth).expect(200);
      expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual(
        Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1),
      );
      // Every winning write is a revision of its own, in order: none overwrote another.
      const names = revisions.body.items
        .slice(1)
        .map(
          (r: { changes: Array<{ path: string; value: unknown }> }) =>
            r.changes.find((c) => c.path === '/data/navn')?.value,
        );
      expect(names).toEqual(winners);
      const final = await request(server).get(url).set(auth).expect(200);
      expect(final.body.revision).toBe(ROUNDS + 1);
      expect(final.body.data.navn).toBe(winners[ROUNDS - 1]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    }
  }, 120_000);
});
