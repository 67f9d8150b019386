import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { RetentionPolicy, WebhookSubscription } from '@skema/core';
import { eventsOf } from '@skema/submissions';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { MemorySubmissionStore } from '../testing/memory-store.js';
import { runRetention } from './retention-job.js';

const CLOSED_AT = '2025-01-01T00:00:00.000Z';
const LATER = new Date(Date.parse(CLOSED_AT) + 40 * 86_400_000);
const receipt = { formId: 'underretning', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: CLOSED_AT };
const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

const archive: WebhookSubscription = {
  id: 'esdh',
  tenantId: 'alpha',
  url: 'https://esdh.example.dk/skema',
  events: ['submission.document-ready', 'submission.deleted'],
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  archive: true,
  enabled: true,
  source: 'config',
  createdAt: CLOSED_AT,
  updatedAt: CLOSED_AT,
};

/** An approved submission created with its events (created, submitted… document-ready of revision 1). */
async function approved(store: MemorySubmissionStore): Promise<string> {
  const id = randomUUID();
  const record = {
    id,
    tenantId: 'alpha',
    formId: 'underretning',
    version: '1.0.0',
    status: 'approved' as const,
    data: {},
    receipt,
    by: 'k',
    at: CLOSED_AT,
  };
  await store.create(
    { ...record, events: eventsOf('create', undefined, { ...record, revision: 1 }, CLOSED_AT) },
    { tenantId: 'alpha', at: CLOSED_AT, actor: 'k', action: 'create' },
  );
  return id;
}

async function acknowledgeAll(store: MemorySubmissionStore, status: 'delivered' | 'failed'): Promise<void> {
  for (const c of await store.claimDeliveries(LATER.toISOString(), 100, 60_000)) {
    await store.completeDelivery(c.delivery.id, c.claimToken, {
      status,
      at: LATER.toISOString(),
      statusCode: status === 'delivered' ? 204 : 500,
    });
  }
}

const run = (store: MemorySubmissionStore, retention: RetentionPolicy) =>
  runRetention({ store, outbox: store, tenants: [{ id: 'alpha', retention }], now: () => LATER, logger });

describe('retention waits for the archive (issue #15)', () => {
  it('keeps an expired submission until an archive subscription acknowledged its final document, then deletes it with a deleted event', async () => {
    const store = new MemorySubmissionStore();
    await store.saveSubscription(archive);
    const id = await approved(store);
    await acknowledgeAll(store, 'failed');
    expect((await run(store, { defaultDays: 30 })).tenants.alpha).toMatchObject({ deleted: 0, awaitingArchive: 1 });
    expect(await store.get('alpha', id)).toBeDefined();

    const failed = (await store.listDeliveries('alpha', { status: 'failed' })).items;
    await store.retryDelivery('alpha', failed[0]!.id, LATER.toISOString());
    await acknowledgeAll(store, 'delivered');
    expect((await run(store, { defaultDays: 30 })).tenants.alpha).toMatchObject({ deleted: 1 });
    expect(await store.get('alpha', id)).toBeUndefined();
    const [deleted] = await store.claimDeliveries(LATER.toISOString(), 100, 60_000);
    expect(deleted?.event).toMatchObject({
      type: 'submission.deleted',
      submissionId: id,
      payload: { reason: 'retention', retentionDays: 30 },
    });
  });

  it('does not count a document an archive acknowledged for an earlier revision', async () => {
    const store = new MemorySubmissionStore();
    await store.saveSubscription(archive);
    const id = await approved(store);
    await acknowledgeAll(store, 'delivered');
    // A later content change (revision 2) has not reached the archive.
    await store.update(
      'alpha',
      id,
      { expectedRevision: 1, data: { x: 1 }, receipt, action: 'update', changes: [], by: 'k', at: CLOSED_AT },
      { tenantId: 'alpha', at: CLOSED_AT, actor: 'k', action: 'update' },
    );
    expect((await run(store, { defaultDays: 30 })).tenants.alpha).toMatchObject({ deleted: 0, awaitingArchive: 1 });
    // A legal hold set and released makes no new document: revision 2's document still counts once archived.
  });

  it('deletes without an archive only when the policy says so; a non-archive subscription does not count', async () => {
    const store = new MemorySubmissionStore();
    await store.saveSubscription({ ...archive, id: 'dashboard', archive: false });
    const id = await approved(store);
    await acknowledgeAll(store, 'delivered');
    expect((await run(store, { defaultDays: 30 })).tenants.alpha).toMatchObject({ deleted: 0, awaitingArchive: 1 });
    expect((await run(store, { defaultDays: 30, withoutArchive: true })).tenants.alpha).toMatchObject({ deleted: 1 });
    expect(await store.get('alpha', id)).toBeUndefined();
  });
});
