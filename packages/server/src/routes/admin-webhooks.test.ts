import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MemorySubmissionStore } from '../testing/memory-store.js';
import { bearer, createTestApp, TEST_KEYS } from '../testing/test-app.js';

const admin = bearer(TEST_KEYS.admin);

function app(httpsOnly = true) {
  const store = new MemorySubmissionStore();
  return { ...createTestApp({ store, webhooks: { outbox: store, httpsOnly } }), store };
}

describe('/api/v1/admin/webhooks and /admin/deliveries (issue #15)', () => {
  it('creates a subscription with a generated secret shown once, lists it without the secret, and deletes it', async () => {
    const { app: a } = app();
    const created = await request(a)
      .put('/api/v1/admin/webhooks/esdh')
      .set(admin)
      .send({ url: 'https://esdh.example.dk/skema', archive: true, events: ['submission.document-ready'] })
      .expect(201);
    expect(created.body).toMatchObject({
      id: 'esdh',
      archive: true,
      enabled: true,
      source: 'api',
      secret: expect.stringMatching(/^whsec_/),
    });
    const listed = await request(a).get('/api/v1/admin/webhooks').set(admin).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: 'esdh' })]);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    const replaced = await request(a)
      .put('/api/v1/admin/webhooks/esdh')
      .set(admin)
      .send({ url: 'https://esdh.example.dk/v2' })
      .expect(200);
    expect(replaced.body.secret).toBeUndefined();
    await request(a).delete('/api/v1/admin/webhooks/esdh').set(admin).expect(204);
    await request(a).delete('/api/v1/admin/webhooks/esdh').set(admin).expect(404);
  });

  it('refuses http outside development, unknown event types, and callers without role admin', async () => {
    const { app: a } = app();
    const http = await request(a)
      .put('/api/v1/admin/webhooks/x')
      .set(admin)
      .send({ url: 'http://esdh.example.dk/' })
      .expect(400);
    expect(http.body.issues[0].path).toBe('/url');
    await request(a)
      .put('/api/v1/admin/webhooks/x')
      .set(admin)
      .send({ url: 'https://esdh.example.dk/', events: ['submission.exploded'] })
      .expect(400);
    await request(a)
      .put('/api/v1/admin/webhooks/x')
      .set(bearer(TEST_KEYS.caseworker))
      .send({ url: 'https://esdh.example.dk/' })
      .expect(403);
    await request(app(false).app)
      .put('/api/v1/admin/webhooks/x')
      .set(admin)
      .send({ url: 'http://localhost:4000/' })
      .expect(201);
  });

  it('lists failed deliveries and replays one; a caller without role admin cannot', async () => {
    const { app: a, store } = app();
    await request(a)
      .put('/api/v1/admin/webhooks/esdh')
      .set(admin)
      .send({ url: 'https://esdh.example.dk/' })
      .expect(201);
    await store.emitEvents([
      {
        id: '5a3e1b52-8f3b-4d59-9a57-6f0a6f7e1c11',
        tenantId: 'alpha',
        type: 'submission.created',
        submissionId: 's1',
        at: '2026-01-01T00:00:00.000Z',
        payload: {},
      },
    ]);
    const [claimed] = await store.claimDeliveries('2026-01-01T00:00:00.000Z', 10, 1000);
    await store.completeDelivery(claimed!.delivery.id, claimed!.claimToken, {
      status: 'failed',
      at: '2026-01-01T00:00:00.000Z',
      statusCode: 500,
      error: 'HTTP 500',
    });
    const failed = await request(a).get('/api/v1/admin/deliveries?status=failed').set(admin).expect(200);
    expect(failed.body.items).toEqual([
      expect.objectContaining({ id: claimed!.delivery.id, status: 'failed', lastStatusCode: 500 }),
    ]);
    await request(a).get('/api/v1/admin/deliveries?status=gone').set(admin).expect(400);
    await request(a)
      .post(`/api/v1/admin/deliveries/${claimed!.delivery.id}/retry`)
      .set(bearer(TEST_KEYS.beta))
      .expect(403);
    const retried = await request(a)
      .post(`/api/v1/admin/deliveries/${claimed!.delivery.id}/retry`)
      .set(admin)
      .expect(202);
    expect(retried.body.status).toBe('pending');
    expect((await request(a).get('/api/v1/admin/deliveries?status=failed').set(admin).expect(200)).body.items).toEqual(
      [],
    );
  });
});
