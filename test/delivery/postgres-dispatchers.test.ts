import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { OutboxEvent } from '@skema/core';
import { createLogger, WebhookDispatcher } from '@skema/server';
import { createPostgresStore, type PostgresSubmissionStore } from '@skema/store-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from '../contract/pg-env.js';
import { SECRET, waitFor } from './receiver.js';

const reachable = await databaseReachable();
const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

describe.skipIf(!reachable)('two dispatchers on one PostgreSQL (issue #15)', () => {
  const schema = testSchema();
  const stores: PostgresSubmissionStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(schema);
  });

  it('never sends one event twice at the same time, delivers every one, and keeps each submission’s order', async () => {
    // The receiver answers slowly, so a second dispatcher taking a held delivery would overlap.
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const arrivals: Array<{ id: string; submissionId: string; n: number }> = [];
    const server = createServer((req, res) => {
      const id = String(req.headers['webhook-id']);
      if (inFlight.has(id)) overlaps.push(id);
      inFlight.add(id);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          data: { submissionId: string; n: number };
        };
        setTimeout(() => {
          inFlight.delete(id);
          arrivals.push({ id, submissionId: body.data.submissionId, n: body.data.n });
          res.statusCode = 204;
          res.end();
        }, 5);
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

    const [a, b] = [
      createPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 4 }),
      createPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 4 }),
    ];
    stores.push(a, b);
    await Promise.all([a.init(), b.init()]);
    const tenantId = `t-${randomUUID().slice(0, 8)}`;
    const at = new Date().toISOString();
    await a.saveSubscription({
      id: 'r',
      tenantId,
      url,
      events: ['*'],
      secret: SECRET,
      archive: false,
      allowPrivateNetwork: true,
      enabled: true,
      source: 'api',
      createdAt: at,
      updatedAt: at,
    });
    const submissions = Array.from({ length: 20 }, () => randomUUID());
    const events: OutboxEvent[] = [];
    for (let n = 0; n < 10; n++) {
      for (const submissionId of submissions)
        events.push({
          id: randomUUID(),
          tenantId,
          type: 'submission.status-changed',
          submissionId,
          at,
          payload: { submissionId, n },
        });
    }
    await a.emitEvents(events);

    const dispatchers = [a, b].map((store) =>
      new WebhookDispatcher({ store, publicUrl: 'http://skema.test', logger, pollMs: 20, concurrency: 8 }).start(),
    );
    try {
      await waitFor(() => arrivals.length >= events.length, 60_000, 'every delivery');
      expect(overlaps).toEqual([]);
      expect(new Set(arrivals.map((x) => x.id)).size).toBe(events.length);
      expect(arrivals).toHaveLength(events.length);
      for (const submissionId of submissions) {
        expect(arrivals.filter((x) => x.submissionId === submissionId).map((x) => x.n)).toEqual([
          0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        ]);
      }
      const delivered = await a.listDeliveries(tenantId, { status: 'delivered', limit: 100 });
      expect(delivered.items.every((d) => d.attempts === 1)).toBe(true);
    } finally {
      await Promise.all(dispatchers.map((d) => d.stop()));
      await new Promise((ok) => server.close(ok));
    }
  }, 90_000);
});
