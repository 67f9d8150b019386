import { randomUUID } from 'node:crypto';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewSubmission, OutboxEvent, WebhookSubscription } from '@skema/core';
import { killOn, runStoreChild } from './test-crash-child.js';
import { REWRITE_SUFFIX } from './outbox-log.js';
import { OUTBOX_FILE } from './outbox.js';
import { createLowdbStore, type LowdbStoreOptions } from './store.js';

/** Issue #15: the outbox log is compacted (delivered events go), crash-safely. */
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'skema-outbox-compaction-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const T = 't';
const NOW = '2030-01-01T00:00:00.000Z';
const receipt = { formId: 'f', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: NOW };
const audit = { tenantId: T, at: NOW, actor: 'k', action: 'create' as const };
const submission = (id: string): NewSubmission => ({
  id,
  tenantId: T,
  formId: 'f',
  version: '1.0.0',
  status: 'draft',
  data: { id },
  receipt,
  by: 'k',
  at: NOW,
});
const event = (
  submissionId: string | undefined,
  type: OutboxEvent['type'],
  extra: Partial<OutboxEvent> = {},
): OutboxEvent => ({
  id: randomUUID(),
  tenantId: T,
  type,
  ...(submissionId ? { submissionId } : {}),
  at: NOW,
  payload: { submissionId, revision: 1 },
  ...extra,
});
const subscription: WebhookSubscription = {
  id: 'archive',
  tenantId: T,
  url: 'https://arkiv.example.dk/hooks',
  events: ['*'],
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  archive: true,
  enabled: true,
  source: 'api',
  createdAt: NOW,
  updatedAt: NOW,
};

async function open(options: Partial<LowdbStoreOptions> = {}) {
  const store = createLowdbStore({ dataDir, ...options });
  await store.init();
  return store;
}

async function logLines(): Promise<number> {
  return (await readFile(path.join(dataDir, OUTBOX_FILE), 'utf8')).split('\n').filter(Boolean).length;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

type Store = Awaited<ReturnType<typeof open>>;

/** Delivers what is due now with the given outcome, round after round (a submission's events go in order). */
async function deliver(
  store: Store,
  now: string,
  status: 'delivered' | 'failed',
  only?: (submissionId: string | undefined) => boolean,
): Promise<string[]> {
  const done: string[] = [];
  for (let round = 0; round < 10; round++) {
    const claimed = (await store.claimDeliveries(now, 1000, 60_000)).filter((c) => !only || only(c.event.submissionId));
    if (!claimed.length) break;
    await store.completeDeliveries(
      claimed.map((c) => ({
        id: c.delivery.id,
        claimToken: c.claimToken,
        outcome: { status, at: now, statusCode: status === 'delivered' ? 204 : 500 },
      })),
    );
    done.push(...claimed.map((c) => c.event.id));
  }
  return done;
}

describe('outbox compaction', () => {
  it('drops events delivered long enough ago, keeps pending, failed and recent ones, subscriptions, dedupe keys and archived revisions, also after a reopen', async () => {
    let store = await open();
    await store.saveSubscription(subscription);
    await store.create(
      {
        ...submission('a'),
        events: [
          event('a', 'submission.created'),
          event('a', 'submission.document-ready', { payload: { submissionId: 'a', revision: 2 } }),
        ],
      },
      audit,
    );
    await store.emitEvents([event(undefined, 'deadline.due', { dedupeKey: 'a:OPS-01:2030-01-01' })]);
    expect(await deliver(store, NOW, 'delivered')).toHaveLength(3);
    await store.create({ ...submission('b'), events: [event('b', 'submission.created')] }, audit);
    await deliver(store, NOW, 'failed', (sid) => sid === 'b');
    await store.create({ ...submission('c'), events: [event('c', 'submission.created')] }, audit);
    await store.create({ ...submission('d'), events: [event('d', 'submission.created')] }, audit);
    const recent = '2030-01-09T00:00:00.000Z';
    await deliver(store, recent, 'delivered', (sid) => sid === 'd');
    const pendingBefore = (await store.listDeliveries(T, { status: 'pending' })).items;
    expect(pendingBefore.map((d) => d.submissionId)).toEqual(['c']);

    const lines = await logLines();
    // Seven days after the first deliveries (the default keep), before the eighth day's.
    const report = await store.compactOutbox(new Date('2030-01-10T00:00:00.000Z'));
    expect(report).toMatchObject({ dropped: 3, linesBefore: lines });
    expect(await logLines()).toBe(report?.linesAfter);
    expect(report!.linesAfter).toBeLessThan(lines);
    const kept = (await store.listDeliveries(T, {})).items;
    expect(kept.map((d) => [d.submissionId, d.status])).toEqual([
      ['b', 'failed'],
      ['c', 'pending'],
      ['d', 'delivered'],
    ]);
    expect(await store.archivedRevision(T, 'a')).toBe(2);
    expect(await store.emitEvents([event(undefined, 'deadline.due', { dedupeKey: 'a:OPS-01:2030-01-01' })])).toEqual(
      [],
    );

    await store.close();
    store = await open();
    try {
      expect((await store.listDeliveries(T, {})).items).toEqual(kept);
      // A cursor from before the compaction still pages from the same place.
      const first = await store.listDeliveries(T, { limit: 1 });
      expect((await store.listDeliveries(T, { cursor: first.nextCursor! })).items).toEqual(kept.slice(1));
      expect(await store.archivedRevision(T, 'a')).toBe(2);
      expect(await store.listSubscriptions(T)).toEqual([subscription]);
      expect(await store.emitEvents([event(undefined, 'deadline.due', { dedupeKey: 'a:OPS-01:2030-01-01' })])).toEqual(
        [],
      );
      expect((await store.claimDeliveries(NOW, 100, 60_000)).map((c) => c.event.submissionId)).toEqual(['c']);
      expect(await store.retryDelivery(T, kept[0]!.id, NOW)).toMatchObject({ status: 'pending' });
    } finally {
      await store.close();
    }
  });

  it('keeps every write, emit and outcome that happens while it runs', async () => {
    let store = await open({ outboxCompaction: { keepDeliveredMs: 0 } });
    await store.saveSubscription(subscription);
    const acknowledged: string[] = [];
    const delivered = new Set<string>();
    let compactions = 0;
    const writer = async (w: number) => {
      for (let i = 0; i < 40; i++) {
        const id = `w${w}-${i}`;
        const e = event(id, 'submission.created');
        await store.create({ ...submission(id), events: [e] }, audit);
        acknowledged.push(e.id);
        if (i % 5 === 0)
          for (const x of await deliver(store, NOW, 'delivered', (sid) => sid?.startsWith(`w${w}-`) ?? false))
            delivered.add(x);
      }
    };
    const compactor = async () => {
      for (let i = 0; i < 15; i++) {
        await store.compactOutbox(new Date('2031-01-01T00:00:00.000Z'));
        compactions++;
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await Promise.all([writer(0), writer(1), writer(2), writer(3), compactor()]);
    expect(compactions).toBe(15);
    const pending = new Set(
      (await store.listDeliveries(T, { status: 'pending', limit: 100 })).items.map((d) => d.eventId),
    );
    await store.close();

    store = await open();
    try {
      const claimed = [];
      for (let round = 0; round < 20; round++) {
        const more = await store.claimDeliveries(NOW, 1000, 60_000);
        if (!more.length) break;
        claimed.push(...more);
        await store.completeDeliveries(
          more.map((c) => ({ id: c.delivery.id, claimToken: c.claimToken, outcome: { status: 'delivered', at: NOW } })),
        );
      }
      const claimedIds = claimed.map((c) => c.event.id);
      // Every acknowledged event was delivered before or is delivered now, exactly once.
      expect(new Set(claimedIds).size).toBe(claimedIds.length);
      expect(claimedIds.filter((id) => delivered.has(id))).toEqual([]);
      expect([...delivered, ...claimedIds].sort()).toEqual([...acknowledged].sort());
      expect(claimedIds.length).toBeGreaterThanOrEqual(pending.size);
    } finally {
      await store.close();
    }
  });

  it('runs by itself once the log has grown past its threshold', async () => {
    const store = await open({ outboxCompaction: { keepDeliveredMs: 0, minLines: 60 } });
    try {
      await store.saveSubscription(subscription);
      for (let i = 0; i < 40; i++)
        await store.create({ ...submission(`s${i}`), events: [event(`s${i}`, 'submission.created')] }, audit);
      await deliver(store, new Date(Date.now() - 1000).toISOString(), 'delivered');
      // 1 subscription + 40 events + 40 ok + 40 outcomes, then compacted to the subscription.
      await expect.poll(logLines, { timeout: 5000 }).toBeLessThan(10);
    } finally {
      await store.close();
    }
  });
});

/**
 * kill -9 during a compaction: before the new file is written, after it is written and before
 * the rename, right after the rename. Each time the restart finds every acknowledged event that
 * was not delivered pending exactly once, and nothing delivered comes back.
 */
describe('outbox compaction survives kill -9 at each step', () => {
  const CHILD = `
const store = createLowdbStore({ dataDir, outboxCompaction: { keepDeliveredMs: 0, minLines: 1e9 } });
await store.init();
await store.saveSubscription(subscription);
for (let i = 0; i < 30; i++) {
  const id = crypto.randomUUID();
  await store.create({ ...newSubmission('s' + i), events: [eventOf(id, 's' + i, 'submission.created')] }, auditOf('create'));
  say('ack', id);
}
const claimed = (await store.claimDeliveries(new Date().toISOString(), 15, 60000));
await store.completeDeliveries(claimed.map((c) => ({ id: c.delivery.id, claimToken: c.claimToken, outcome: { status: 'delivered', at: new Date().toISOString() } })));
for (const c of claimed) say('delivered', c.event.id);
await store.compactOutbox(new Date(Date.now() + 1000));
say('compacted');
await store.close();`;

  async function check(run: Awaited<ReturnType<typeof runStoreChild>>, compacted: boolean): Promise<void> {
    expect(run.signal).toBe('SIGKILL');
    const acked = run.lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
    const delivered = new Set(run.lines.filter((l) => l.startsWith('delivered ')).map((l) => l.slice(10)));
    expect(acked).toHaveLength(30);
    expect(delivered.size).toBe(15);
    for (let round = 0; round < 2; round++) {
      const store = await open({ outboxCompaction: { keepDeliveredMs: 0, minLines: 1e9 } });
      try {
        expect(await exists(path.join(dataDir, `${OUTBOX_FILE}${REWRITE_SUFFIX}`))).toBe(false);
        const listed = (await store.listDeliveries('t', { limit: 100 })).items;
        expect(listed.filter((d) => d.status === 'delivered')).toHaveLength(compacted || round > 0 ? 0 : 15);
        const claimable = (await store.claimDeliveries('2100-01-01T00:00:00.000Z', 1000, 1))
          .map((c) => c.event.id)
          .sort();
        expect(claimable).toEqual(acked.filter((id) => !delivered.has(id)).sort());
        // A compaction after the restart keeps it so.
        if (round === 0) await store.compactOutbox(new Date(Date.now() + 1000));
      } finally {
        await store.close();
      }
    }
  }

  it('killed before the new file is written: the old log is whole', async () => {
    await check(await runStoreChild(dataDir, killOn('open', REWRITE_SUFFIX), CHILD), false);
  });

  it('killed after the new file is written, before the rename: the old log is whole, the new file is removed', async () => {
    await check(await runStoreChild(dataDir, killOn('rename', REWRITE_SUFFIX), CHILD), false);
  });

  it('killed right after the rename: the new log is whole', async () => {
    await check(await runStoreChild(dataDir, killOn('rename', REWRITE_SUFFIX, 'after'), CHILD), true);
  });

  it('a failed rename (injected) leaves the old log in use; the store goes on writing', async () => {
    const run = await runStoreChild(
      dataDir,
      `{
  const real = fsp.rename;
  fsp.rename = async (from, to) => {
    if (String(from).endsWith(${JSON.stringify(REWRITE_SUFFIX)})) throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
    return real(from, to);
  };
}`,
      CHILD.replace(
        "await store.compactOutbox(new Date(Date.now() + 1000));\nsay('compacted');",
        `try { await store.compactOutbox(new Date(Date.now() + 1000)); say('compacted'); } catch (e) { say('failed', e.code); }
const last = crypto.randomUUID();
await store.create({ ...newSubmission('last'), events: [eventOf(last, 'last', 'submission.created')] }, auditOf('create'));
say('ack', last);
die();`,
      ),
    );
    expect(run.lines).toContain('failed EIO');
    const store = await open();
    try {
      expect(await exists(path.join(dataDir, `${OUTBOX_FILE}${REWRITE_SUFFIX}`))).toBe(false);
      const acked = run.lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
      const delivered = new Set(run.lines.filter((l) => l.startsWith('delivered ')).map((l) => l.slice(10)));
      expect(acked).toHaveLength(31);
      const claimable = (await store.claimDeliveries('2100-01-01T00:00:00.000Z', 1000, 1))
        .map((c) => c.event.id)
        .sort();
      expect(claimable).toEqual(acked.filter((id) => !delivered.has(id)).sort());
    } finally {
      await store.close();
    }
  });
});
