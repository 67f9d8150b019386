import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { bearer, createTestApp, fixtureData, testConfig } from '@skema/server/testing';
import { createLowdbStore, type LowdbSubmissionStore } from '@skema/store-lowdb';
import { createPostgresStore, type PostgresSubmissionStore } from '@skema/store-postgres';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from '../contract/pg-env.js';

/**
 * Embed sessions live in the store: a session opened on one API instance works on another sharing
 * the store, survives a restart, expires, and still gives one submission when creates race across
 * instances. PostgreSQL: two apps, each with its own store object and pool, on one schema (two
 * processes would be the same). lowdb: its data directory admits one process (a lock with pid and
 * start time), so "instances" there are apps in one process sharing the store object.
 */
const PORTAL_KEY = 'alpha-portal-backend-key-01';
const portal = bearer(PORTAL_KEY);
const submitted = { formId: 'fixture', version: '1.0.0', status: 'submitted', data: fixtureData() };

function config() {
  const c = testConfig();
  c.tenants[0]!.keys.push({ id: 'alpha-portal', key: PORTAL_KEY, roles: ['integration'] });
  return c;
}

type Store = PostgresSubmissionStore | LowdbSubmissionStore;
const clock = { now: new Date('2026-03-01T10:00:00Z') };
const appOn = (store: Store): Express =>
  createTestApp({ config: config(), store, caseStore: store, now: () => clock.now }).app;

async function race(apps: Express[], token: string): Promise<number[]> {
  const attempts = Array.from({ length: 8 }, (_, i) =>
    request(apps[i % apps.length]!)
      .post('/api/v1/submissions')
      .set(bearer(token))
      .send(submitted),
  );
  return (await Promise.all(attempts)).map((r) => r.status);
}

async function scenario(
  open: () => Promise<Store>,
  apps: (store: Store) => Promise<[Express, Express, Store[]]>,
): Promise<void> {
  clock.now = new Date('2026-03-01T10:00:00Z');
  const first = await open();
  const [a, b, stores] = await apps(first);
  try {
    const { token } = (
      await request(a)
        .post('/api/v1/embed-sessions')
        .set(portal)
        .send({ formId: 'fixture', version: '1.0.0' })
        .expect(201)
    ).body as { token: string };
    // Opened on A, used on B: no sticky routing.
    await request(b).get('/api/v1/forms/fixture/versions/1.0.0').set(bearer(token)).expect(200);
    const statuses = await race([a, b], token);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(7);
    const audit = await first.queryAudit('alpha', { limit: 100 });
    const created = audit.items.filter((e) => e.action === 'create').map((e) => e.submissionId!);
    expect(created).toHaveLength(1);
    // Its receipt reads on both instances; the list stays closed.
    await request(a).get(`/api/v1/submissions/${created[0]}`).set(bearer(token)).expect(200);
    await request(b).get(`/api/v1/submissions/${created[0]}`).set(bearer(token)).expect(200);
    await request(b).get('/api/v1/submissions').set(bearer(token)).expect(403);

    // A restart: every store object closed and opened again; the session goes on, still with one creation.
    for (const s of stores) await s.close();
    const reopened = await open();
    stores.splice(0, stores.length, reopened);
    const c = appOn(reopened);
    await request(c).get(`/api/v1/submissions/${created[0]}`).set(bearer(token)).expect(200);
    await request(c).post('/api/v1/submissions').set(bearer(token)).send(submitted).expect(403);
    // 15 minutes later it is gone, on every instance.
    clock.now = new Date('2026-03-01T10:15:00Z');
    await request(c).get('/api/v1/forms/fixture/versions/1.0.0').set(bearer(token)).expect(401);
  } finally {
    for (const s of stores) await s.close().catch(() => undefined);
  }
}

describe('embed sessions across instances and restarts', () => {
  it('lowdb: two apps sharing the store, then a restart of the store', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-embed-instances-'));
    try {
      const open = async () => {
        const store = createLowdbStore({ dataDir });
        await store.init();
        return store;
      };
      await scenario(open, async (store) => [appOn(store), appOn(store), [store]]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('lowdb: a second process (store object) cannot open the same data directory while the first holds it', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-embed-lock-'));
    const first = createLowdbStore({ dataDir });
    await first.init();
    try {
      await expect(createLowdbStore({ dataDir }).init()).rejects.toThrow();
    } finally {
      await first.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL: two apps with their own store objects and pools on one database, then a restart', async () => {
    if (!(await databaseReachable())) return;
    const schema = testSchema();
    const open = async () => {
      const store = createPostgresStore({ connectionString: DATABASE_URL, schema });
      await store.init();
      return store;
    };
    try {
      await scenario(open, async (store) => {
        const other = await open();
        return [appOn(store), appOn(other), [store, other]];
      });
    } finally {
      await dropSchema(schema);
    }
  });
});
