import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isOutboxStore,
  type ClaimedDelivery,
  type OutboxEvent,
  type OutboxStore,
  type SubmissionStore,
  type WebhookSubscription,
} from '@skema/core';
import type { StoreHarness } from './fixtures.js';
import { auditOf, change, holdChange, newSubmission, tenant } from './fixtures.js';

type Both = SubmissionStore & OutboxStore;

function outboxOf(store: SubmissionStore): Both {
  if (!isOutboxStore(store)) throw new Error(`${store.name} keeps no outbox`);
  return store;
}

export function subscription(tenantId: string, overrides: Partial<WebhookSubscription> = {}): WebhookSubscription {
  return {
    id: 'archive',
    tenantId,
    url: 'https://arkiv.example.dk/hooks',
    events: ['*'],
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    archive: true,
    enabled: true,
    source: 'api',
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
    ...overrides,
  };
}

export function event(
  tenantId: string,
  submissionId: string | undefined,
  type: OutboxEvent['type'],
  overrides: Partial<OutboxEvent> = {},
): OutboxEvent {
  return {
    id: randomUUID(),
    tenantId,
    type,
    ...(submissionId ? { submissionId } : {}),
    at: '2025-03-01T09:00:00.000Z',
    payload: { submissionId, revision: 1 },
    ...overrides,
  };
}

const NOW = '2030-01-01T00:00:00.000Z';
const later = (ms: number): string => new Date(Date.parse(NOW) + ms).toISOString();

/** Claims what is due for the tenant (the store is shared with other tests, whose deliveries are left alone). */
async function claimFor(store: OutboxStore, tenantId: string, now = NOW, leaseMs = 60_000): Promise<ClaimedDelivery[]> {
  return (await store.claimDeliveries(now, 10_000, leaseMs)).filter((c) => c.delivery.tenantId === tenantId);
}

async function deliverAll(store: OutboxStore, tenantId: string, now = NOW): Promise<ClaimedDelivery[]> {
  const sent: ClaimedDelivery[] = [];
  for (let round = 0; round < 20; round++) {
    const claimed = await claimFor(store, tenantId, now);
    if (!claimed.length) break;
    for (const c of claimed) {
      sent.push(c);
      expect(
        await store.completeDelivery(c.delivery.id, c.claimToken, { status: 'delivered', at: now, statusCode: 204 }),
      ).toBe(true);
    }
  }
  return sent;
}

/** Issue #15: events are written in the same write as the change they report, and delivered once per subscription, in order per submission. */
export function outboxContract(store: () => SubmissionStore): void {
  describe('outbox', () => {
    it('stores the events of create, update and delete with them and fans them out to the subscriptions that take them', async () => {
      const s = outboxOf(store());
      const t = tenant();
      await s.saveSubscription(subscription(t));
      await s.saveSubscription(subscription(t, { id: 'only-deleted', events: ['submission.deleted'], archive: false }));
      await s.saveSubscription(subscription(t, { id: 'off', enabled: false }));
      const input = newSubmission(t);
      await s.create(
        { ...input, events: [event(t, input.id, 'submission.created'), event(t, input.id, 'submission.submitted')] },
        auditOf(t, 'create'),
      );
      await s.update(
        t,
        input.id,
        change(1, { events: [event(t, input.id, 'submission.document-ready', { payload: { revision: 2 } })] }),
        auditOf(t, 'update'),
      );
      await s.delete(t, input.id, auditOf(t, 'delete'), [event(t, input.id, 'submission.deleted')]);

      const sent = await deliverAll(s, t);
      const archive = sent.filter((c) => c.subscription.id === 'archive').map((c) => c.event.type);
      expect(archive).toEqual([
        'submission.created',
        'submission.submitted',
        'submission.document-ready',
        'submission.deleted',
      ]);
      expect(sent.filter((c) => c.subscription.id === 'only-deleted').map((c) => c.event.type)).toEqual([
        'submission.deleted',
      ]);
      expect(sent.some((c) => c.subscription.id === 'off')).toBe(false);
      const listed = await s.listDeliveries(t, { status: 'delivered' });
      expect(listed.items).toHaveLength(5);
      expect(listed.items.every((d) => d.attempts === 1 && d.deliveredAt === NOW)).toBe(true);
    });

    it('stores no event for a write that does not happen (revision conflict, legal hold, unknown id)', async () => {
      const s = outboxOf(store());
      const t = tenant();
      await s.saveSubscription(subscription(t));
      const input = newSubmission(t);
      await s.create(input, auditOf(t, 'create'));
      await expect(
        s.update(t, input.id, change(5, { events: [event(t, input.id, 'submission.migrated')] }), auditOf(t, 'update')),
      ).rejects.toThrow();
      await s.update(t, input.id, holdChange(1, true), auditOf(t, 'legal-hold'));
      expect(await s.delete(t, input.id, auditOf(t, 'delete'), [event(t, input.id, 'submission.deleted')])).toBe(false);
      expect(
        await s.delete(t, 'no-such-id', auditOf(t, 'delete'), [event(t, 'no-such-id', 'submission.deleted')]),
      ).toBe(false);
      expect(await claimFor(s, t)).toEqual([]);
      expect((await s.listDeliveries(t, {})).items).toEqual([]);
    });

    it('holds a submission’s later deliveries while an earlier one is pending, leases claims and accepts an outcome only from the claim holder', async () => {
      const s = outboxOf(store());
      const t = tenant();
      await s.saveSubscription(subscription(t));
      const [a, b] = [randomUUID(), randomUUID()];
      await s.emitEvents([
        event(t, a, 'submission.created'),
        event(t, a, 'submission.submitted'),
        event(t, b, 'submission.created'),
      ]);
      const first = await claimFor(s, t);
      expect(first.map((c) => [c.event.submissionId, c.event.type])).toEqual([
        [a, 'submission.created'],
        [b, 'submission.created'],
      ]);
      // Leased: a second dispatcher gets none of them, nor a's second event.
      expect(await claimFor(s, t)).toEqual([]);
      const [ca, cb] = first as [ClaimedDelivery, ClaimedDelivery];
      expect(await s.completeDelivery(ca.delivery.id, randomUUID(), { status: 'delivered', at: NOW })).toBe(false);
      // a's first fails for now (retry later): a's second still waits behind it.
      expect(
        await s.completeDelivery(ca.delivery.id, ca.claimToken, {
          status: 'pending',
          at: NOW,
          nextAttemptAt: later(60_000),
          statusCode: 500,
          error: 'HTTP 500',
        }),
      ).toBe(true);
      expect(
        await s.completeDelivery(cb.delivery.id, cb.claimToken, { status: 'delivered', at: NOW, statusCode: 200 }),
      ).toBe(true);
      expect(await claimFor(s, t, later(1000))).toEqual([]);
      // The retry comes due; after it, the second follows.
      const retried = await claimFor(s, t, later(61_000));
      expect(retried.map((c) => [c.event.type, c.delivery.attempts, c.delivery.lastStatusCode])).toEqual([
        ['submission.created', 1, 500],
      ]);
      await s.completeDelivery(retried[0]!.delivery.id, retried[0]!.claimToken, {
        status: 'delivered',
        at: later(61_000),
      });
      expect((await claimFor(s, t, later(61_000))).map((c) => c.event.type)).toEqual(['submission.submitted']);
      // A lease that ran out can be claimed again; the old holder can no longer record an outcome.
      const again = await claimFor(s, t, later(200_000));
      expect(again.map((c) => c.event.type)).toEqual(['submission.submitted']);
    });

    it('lets a failed delivery be replayed, does not hold later ones behind it, and disables a subscription on 410', async () => {
      const s = outboxOf(store());
      const t = tenant();
      await s.saveSubscription(subscription(t));
      const a = randomUUID();
      await s.emitEvents([event(t, a, 'submission.created'), event(t, a, 'submission.submitted')]);
      const [c1] = await claimFor(s, t);
      await s.completeDelivery(c1!.delivery.id, c1!.claimToken, {
        status: 'failed',
        at: NOW,
        statusCode: 500,
        error: 'HTTP 500',
      });
      const failed = await s.listDeliveries(t, { status: 'failed' });
      expect(failed.items.map((d) => [d.eventType, d.lastStatusCode, d.lastError])).toEqual([
        ['submission.created', 500, 'HTTP 500'],
      ]);
      const [c2] = await claimFor(s, t);
      expect(c2?.event.type).toBe('submission.submitted');
      await s.completeDelivery(c2!.delivery.id, c2!.claimToken, { status: 'delivered', at: NOW });

      expect(await s.retryDelivery(tenant(), failed.items[0]!.id, NOW)).toBeUndefined();
      expect((await s.retryDelivery(t, failed.items[0]!.id, NOW))?.status).toBe('pending');
      const [replayed] = await claimFor(s, t);
      expect(replayed?.event.id).toBe(c1!.event.id);
      await s.completeDelivery(replayed!.delivery.id, replayed!.claimToken, {
        status: 'failed',
        at: NOW,
        statusCode: 410,
        disableSubscription: 'HTTP 410 Gone',
      });
      const [sub] = await s.listSubscriptions(t);
      expect(sub).toMatchObject({ enabled: false, disabledReason: 'HTTP 410 Gone' });
      await s.emitEvents([event(t, a, 'submission.approved')]);
      expect(await claimFor(s, t)).toEqual([]);
    });

    it('drops a second event with the same dedupe key, keeps tenants apart and pages the deliveries', async () => {
      const s = outboxOf(store());
      const [t, other] = [tenant(), tenant()];
      await s.saveSubscription(subscription(t));
      await s.saveSubscription(subscription(t, { id: 'second' }));
      const a = randomUUID();
      const stored = await s.emitEvents([event(t, a, 'deadline.due', { dedupeKey: `${a}:OPS-01:2025-04-01` })]);
      expect(stored).toHaveLength(1);
      expect(await s.emitEvents([event(t, a, 'deadline.due', { dedupeKey: `${a}:OPS-01:2025-04-01` })])).toEqual([]);
      expect(
        await s.emitEvents([event(other, a, 'deadline.due', { dedupeKey: `${a}:OPS-01:2025-04-01` })]),
      ).toHaveLength(1);
      await s.emitEvents([event(t, a, 'submission.created')]);
      expect((await s.listDeliveries(other, {})).items).toEqual([]);
      expect(await s.listSubscriptions(other)).toEqual([]);
      const page1 = await s.listDeliveries(t, { limit: 3 });
      expect(page1.items).toHaveLength(3);
      const page2 = await s.listDeliveries(t, { limit: 3, cursor: page1.nextCursor! });
      expect(page2.items).toHaveLength(1);
      expect(page2.nextCursor).toBeUndefined();
      expect(new Set([...page1.items, ...page2.items].map((d) => d.id)).size).toBe(4);
      expect(await s.deleteSubscription(t, 'second')).toBe(true);
      expect((await s.listSubscriptions(t)).map((x) => x.id)).toEqual(['archive']);
    });

    it('records a batch of outcomes with one call, refusing only the entries whose claim is not the caller’s', async () => {
      const s = outboxOf(store());
      const t = tenant();
      await s.saveSubscription(subscription(t));
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await s.emitEvents([
        event(t, a, 'submission.created'),
        event(t, b, 'submission.created'),
        event(t, c, 'submission.created'),
        event(t, a, 'submission.submitted'),
      ]);
      const claimed = await claimFor(s, t);
      expect(claimed.map((x) => x.event.submissionId)).toEqual([a, b, c]);
      const [ca, cb, cc] = claimed as [ClaimedDelivery, ClaimedDelivery, ClaimedDelivery];
      expect(await s.completeDeliveries([])).toEqual([]);
      const recorded = await s.completeDeliveries([
        { id: ca.delivery.id, claimToken: ca.claimToken, outcome: { status: 'delivered', at: NOW, statusCode: 204 } },
        { id: cb.delivery.id, claimToken: randomUUID(), outcome: { status: 'delivered', at: NOW, statusCode: 204 } },
        {
          id: cc.delivery.id,
          claimToken: cc.claimToken,
          outcome: { status: 'pending', at: NOW, nextAttemptAt: later(60_000), statusCode: 503, error: 'HTTP 503' },
        },
      ]);
      expect(recorded).toEqual([true, false, true]);
      const byId = new Map((await s.listDeliveries(t, {})).items.map((d) => [d.id, d]));
      expect(byId.get(ca.delivery.id)).toMatchObject({
        status: 'delivered',
        attempts: 1,
        deliveredAt: NOW,
        lastStatusCode: 204,
      });
      expect(byId.get(cb.delivery.id)).toMatchObject({ status: 'pending', attempts: 0 });
      expect(byId.get(cc.delivery.id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        nextAttemptAt: later(60_000),
        lastError: 'HTTP 503',
      });
      // a's next event follows its delivered first; a 410 in a batch disables the subscription.
      const next = (await claimFor(s, t, later(200_000))).find((x) => x.event.submissionId === a);
      expect(next?.event.type).toBe('submission.submitted');
      expect(
        await s.completeDeliveries([
          {
            id: next!.delivery.id,
            claimToken: next!.claimToken,
            outcome: { status: 'failed', at: NOW, statusCode: 410, disableSubscription: 'HTTP 410 Gone' },
          },
        ]),
      ).toEqual([true]);
      expect((await s.listSubscriptions(t))[0]).toMatchObject({ enabled: false, disabledReason: 'HTTP 410 Gone' });
    });

    it('tells the highest document revision an archive acknowledged', async () => {
      const s = outboxOf(store());
      const t = tenant();
      await s.saveSubscription(subscription(t));
      await s.saveSubscription(subscription(t, { id: 'not-archive', archive: false }));
      const a = randomUUID();
      expect(await s.archivedRevision(t, a)).toBeUndefined();
      await s.emitEvents([
        event(t, a, 'submission.document-ready', { payload: { revision: 2 } }),
        event(t, a, 'submission.document-ready', { payload: { revision: 3 } }),
      ]);
      const claimed = await claimFor(s, t);
      for (const c of claimed) {
        const toArchive = c.subscription.archive;
        await s.completeDelivery(c.delivery.id, c.claimToken, { status: toArchive ? 'delivered' : 'failed', at: NOW });
      }
      expect(await s.archivedRevision(t, a)).toBe(2);
      const next = await claimFor(s, t);
      for (const c of next)
        await s.completeDelivery(c.delivery.id, c.claimToken, {
          status: c.subscription.archive ? 'failed' : 'delivered',
          at: NOW,
        });
      // Revision 3 reached only the non-archive subscription.
      expect(await s.archivedRevision(t, a)).toBe(2);
      expect(await s.archivedRevision(tenant(), a)).toBeUndefined();
    });
  });
}

/** A durable store keeps events, deliveries and their states across a re-open. */
export function outboxDurabilityContract(harness: () => StoreHarness): void {
  it('keeps events, delivery states and subscriptions across close and reopen', async () => {
    const h = harness();
    if (!h.reopen) throw new Error('a durable store must be able to re-open');
    const t = tenant();
    const s = outboxOf(h.store);
    await s.saveSubscription(subscription(t));
    const input = newSubmission(t);
    await s.create(
      { ...input, events: [event(t, input.id, 'submission.created'), event(t, input.id, 'submission.document-ready')] },
      auditOf(t, 'create'),
    );
    const [first] = await claimFor(s, t);
    await s.completeDelivery(first!.delivery.id, first!.claimToken, { status: 'delivered', at: NOW });
    const before = await s.listDeliveries(t, {});
    const reopened = outboxOf(await h.reopen());
    expect(await reopened.listDeliveries(t, {})).toEqual(before);
    expect(await reopened.listSubscriptions(t)).toEqual(
      await s.listSubscriptions(t).catch(() => reopened.listSubscriptions(t)),
    );
    const rest = await claimFor(reopened, t);
    expect(rest.map((c) => c.event.type)).toEqual(['submission.document-ready']);
  });
}
