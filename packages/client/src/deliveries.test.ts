import { createTestApp, fixtureData, MemorySubmissionStore, TEST_KEYS } from '@skema/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkemaClient } from './client.js';
import { SkemaDeliveriesClient } from './deliveries.js';
import type { SkemaApiError } from './errors.js';
import { listen } from './test-server.js';

let api: Awaited<ReturnType<typeof listen>>;
const client = (token: string) => new SkemaClient({ baseUrl: api.url, token, locale: 'en', retry: { retries: 0 } });

beforeAll(async () => {
  const store = new MemorySubmissionStore();
  // No dispatcher: a delivery stays pending, which is enough to list and replay it.
  api = await listen(createTestApp({ store, webhooks: { outbox: store, httpsOnly: false } }).app);
});
afterAll(() => api.close());

describe('SkemaDeliveriesClient against createApp()', () => {
  it('lists subscriptions without secrets and deliveries by status, replays one, and a refusal is a SkemaApiError', async () => {
    const put = await fetch(`${api.url}/api/v1/admin/webhooks/esdh`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TEST_KEYS.admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://esdh.example/hook', events: ['submission.created'] }),
    });
    expect(put.status).toBe(201);
    const { submission } = await client(TEST_KEYS.caseworker).createSubmission('fixture', '1.0.0', fixtureData(), {
      status: 'draft',
    });

    const admin = new SkemaDeliveriesClient(client(TEST_KEYS.admin));
    const hooks = await admin.listWebhooks();
    expect(hooks).toEqual([
      expect.objectContaining({ id: 'esdh', url: 'https://esdh.example/hook', events: ['submission.created'] }),
    ]);
    expect(hooks[0]).not.toHaveProperty('secret');
    const pending = await admin.listDeliveries({ status: 'pending' });
    expect(pending.items).toEqual([
      expect.objectContaining({
        eventType: 'submission.created',
        submissionId: submission.id,
        subscriptionId: 'esdh',
        status: 'pending',
      }),
    ]);
    expect((await admin.listDeliveries({ status: 'failed' })).items).toEqual([]);
    const replayed = await admin.retryDelivery(pending.items[0]!.id);
    expect(replayed).toMatchObject({ id: pending.items[0]!.id, status: 'pending' });

    const missing = (await admin.retryDelivery('no-such-delivery').catch((e: unknown) => e)) as SkemaApiError;
    expect(missing.status).toBe(404);
    const forbidden = (await new SkemaDeliveriesClient(client(TEST_KEYS.caseworker))
      .listDeliveries()
      .catch((e: unknown) => e)) as SkemaApiError;
    expect(forbidden.status).toBe(403);
  });

  it('passes the list search as `q`', async () => {
    const c = client(TEST_KEYS.caseworker);
    const { submission } = await c.createSubmission('fixture', '1.0.0', fixtureData(), { status: 'draft' });
    expect((await c.listSubmissions({ q: submission.id.slice(0, 8) })).items.map((i) => i.id)).toEqual([submission.id]);
    expect((await c.listSubmissions({ q: 'zzz-no-such-text' })).items).toEqual([]);
  });
});
