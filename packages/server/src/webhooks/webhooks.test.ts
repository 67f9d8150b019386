import { Writable } from 'node:stream';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { MemorySubmissionStore } from '../testing/memory-store.js';
import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterMs } from './backoff.js';
import { WebhookDispatcher } from './dispatcher.js';
import { isPrivateAddress, resolveAllowed } from './network-policy.js';
import { webhookBody } from './payload.js';
import { signedHeaders } from './send.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

describe('SSRF: outbound addresses', () => {
  it('refuses loopback, link-local, private, shared and mapped addresses, and allows public ones', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.216.34', '2a00:1450:4001:82b::200e', '8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('checks every address a host resolves to, unless the subscription allows private addresses', async () => {
    await expect(resolveAllowed('localhost', false)).rejects.toThrow(/private address/);
    await expect(resolveAllowed('[::1]', false)).rejects.toThrow(/private address/);
    await expect(resolveAllowed('127.0.0.1', true)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });
});

describe('retries', () => {
  it('backs off exponentially with jitter up to the cap, and reads Retry-After as seconds or a date', () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseMs: 1000, maxDelayMs: 10_000 };
    expect(backoffMs(p, 1, () => 0.5)).toBe(1000);
    expect(backoffMs(p, 3, () => 0.5)).toBe(4000);
    expect(backoffMs(p, 30, () => 0.5)).toBe(10_000);
    expect(backoffMs(p, 2, () => 0)).toBe(1500);
    expect(backoffMs(p, 2, () => 1)).toBe(2500);
    const now = new Date('2026-01-01T00:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('signing', () => {
  it('signs per Standard Webhooks so the standardwebhooks library verifies it; the body keeps the event id and makes links absolute', () => {
    const event = {
      id: 'e1',
      tenantId: 't',
      type: 'submission.document-ready' as const,
      submissionId: 's1',
      at: '2026-01-01T00:00:00.000Z',
      payload: {
        submissionId: 's1',
        revision: 2,
        links: { document: '/api/v1/submissions/s1/document.pdf?revision=2' },
      },
    };
    const body = webhookBody(event, 'https://skema.kommune.dk/');
    expect(JSON.parse(body)).toEqual({
      type: 'submission.document-ready',
      timestamp: event.at,
      data: {
        submissionId: 's1',
        revision: 2,
        links: { document: 'https://skema.kommune.dk/api/v1/submissions/s1/document.pdf?revision=2' },
      },
    });
    const headers = signedHeaders({ id: event.id, body, secret: SECRET }, new Date());
    expect(headers['webhook-id']).toBe('e1');
    expect(new Webhook(SECRET).verify(body, headers)).toMatchObject({ type: 'submission.document-ready' });
    expect(() => new Webhook(SECRET).verify(body.replace('s1', 's2'), headers)).toThrow();
  });
});

describe('WebhookDispatcher', () => {
  async function receiver(answer: (n: number) => { status: number; headers?: Record<string, string> }) {
    let n = 0;
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(String(req.headers['webhook-id']));
      const a = answer(++n);
      res.writeHead(a.status, a.headers).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      seen,
      close: () => new Promise((ok) => server.close(ok)),
    };
  }

  async function setup(url: string, allowPrivateNetwork = true) {
    const store = new MemorySubmissionStore();
    const at = new Date().toISOString();
    await store.saveSubscription({
      id: 'r',
      tenantId: 't',
      url,
      events: ['*'],
      secret: SECRET,
      archive: false,
      ...(allowPrivateNetwork ? { allowPrivateNetwork } : {}),
      enabled: true,
      source: 'api',
      createdAt: at,
      updatedAt: at,
    });
    await store.emitEvents([
      { id: 'e1', tenantId: 't', type: 'submission.created', submissionId: 's', at, payload: {} },
    ]);
    return store;
  }

  it('retries with the same event id, honours Retry-After, and disables the subscription on 410', async () => {
    const r = await receiver((n) => (n === 1 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 410 }));
    const store = await setup(r.url);
    const d = new WebhookDispatcher({
      store,
      publicUrl: 'http://x',
      logger,
      pollMs: 20,
      retry: { baseMs: 10, maxDelayMs: 20 },
    }).start();
    try {
      await expect
        .poll(async () => (await store.listDeliveries('t', {})).items[0]?.attempts, { timeout: 3000 })
        .toBe(1);
      const first = (await store.listDeliveries('t', {})).items[0]!;
      // Retry-After (1 s) wins over the 10 ms backoff.
      expect(Date.parse(first.nextAttemptAt) - Date.parse(first.lastAttemptAt!)).toBeGreaterThanOrEqual(1000);
      await expect
        .poll(async () => (await store.listDeliveries('t', {})).items[0]?.status, { timeout: 4000 })
        .toBe('failed');
      expect(r.seen).toEqual(['e1', 'e1']);
      expect((await store.listSubscriptions('t'))[0]).toMatchObject({
        enabled: false,
        disabledReason: 'The receiver answered 410 Gone',
      });
    } finally {
      await d.stop();
      await r.close();
    }
  });

  it('waits, without spinning, while every slot is busy and writes keep waking it', async () => {
    const slow = createServer((_req, res) => void setTimeout(() => res.writeHead(204).end(), 300));
    await new Promise<void>((ok) => slow.listen(0, '127.0.0.1', ok));
    const store = await setup(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/`);
    await store.emitEvents([
      {
        id: 'e2',
        tenantId: 't',
        type: 'submission.created',
        submissionId: 'other',
        at: new Date().toISOString(),
        payload: {},
      },
    ]);
    const d = new WebhookDispatcher({ store, publicUrl: 'http://x', logger, pollMs: 20, concurrency: 1 }).start();
    try {
      // The event loop must keep turning: a timer fires while the one slot is busy and wakes pile up.
      let ticks = 0;
      const timer = setInterval(() => {
        ticks += 1;
        d.wake();
      }, 10);
      await new Promise((r) => setTimeout(r, 250));
      clearInterval(timer);
      expect(ticks).toBeGreaterThan(5);
      await expect
        .poll(async () => (await store.listDeliveries('t', { status: 'delivered' })).items.length, { timeout: 3000 })
        .toBe(2);
    } finally {
      await d.stop();
      await new Promise((ok) => slow.close(ok));
    }
  });

  it('sends from a worker thread, records outcomes that finish together with one store write, and keeps each submission’s order', async () => {
    const r = await receiver(() => ({ status: 204 }));
    const store = await setup(r.url);
    const at = new Date().toISOString();
    await store.emitEvents([
      ...['a', 'b', 'c', 'd', 'e'].map((sid) => ({
        id: `c-${sid}`,
        tenantId: 't',
        type: 'submission.created' as const,
        submissionId: sid,
        at,
        payload: {},
      })),
      { id: 'e2', tenantId: 't', type: 'submission.submitted', submissionId: 's', at, payload: {} },
    ]);
    const writes: number[] = [];
    const complete = store.completeDeliveries.bind(store);
    store.completeDeliveries = (batch) => {
      writes.push(batch.length);
      return complete(batch);
    };
    const d = new WebhookDispatcher({ store, publicUrl: 'http://x', logger, pollMs: 20, thread: true }).start();
    try {
      await expect
        .poll(async () => (await store.listDeliveries('t', { status: 'delivered' })).items.length, { timeout: 20_000 })
        .toBe(7);
      expect([...r.seen].sort()).toEqual(['c-a', 'c-b', 'c-c', 'c-d', 'c-e', 'e1', 'e2']);
      // s's second event went out only after its first was recorded.
      expect(r.seen.indexOf('e2')).toBeGreaterThan(r.seen.indexOf('e1'));
      expect(writes.reduce((a, b) => a + b, 0)).toBe(7);
      expect(writes.length).toBeLessThan(7);
    } finally {
      await d.stop();
      await r.close();
    }
  }, 30_000);

  it('refuses a loopback receiver unless the subscription allows private addresses', async () => {
    const r = await receiver(() => ({ status: 204 }));
    const store = await setup(r.url, false);
    const d = new WebhookDispatcher({ store, publicUrl: 'http://x', logger, pollMs: 20 }).start();
    try {
      await expect
        .poll(async () => (await store.listDeliveries('t', {})).items[0]?.status, { timeout: 3000 })
        .toBe('failed');
      expect((await store.listDeliveries('t', {})).items[0]?.lastError).toMatch(/private address/);
      expect(r.seen).toEqual([]);
    } finally {
      await d.stop();
      await r.close();
    }
  });
});
