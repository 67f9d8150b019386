import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killOn, runStoreChild } from './test-crash-child.js';
import { OUTBOX_FILE } from './outbox.js';
import { createLowdbStore } from './store.js';

/**
 * Issue #15: the window between a write's outbox event line and its commit (the submission file's
 * rename or unlink). The store's guarantee: the rename waits for the event line's fsync, so a
 * change is never committed without its events; an event line whose change did not commit is
 * settled at the next start from the submission file and dropped, so an event of a submission
 * that was never acknowledged is never delivered.
 */
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'skema-outbox-window-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const NOW = '2100-01-01T00:00:00.000Z';

/** Opens the folder the child left and tells what a dispatcher would send now, per submission. */
async function reopen() {
  const store = createLowdbStore({ dataDir });
  await store.init();
  const claimed = await store.claimDeliveries(NOW, 10_000, 60_000);
  const sent = new Map<string, string[]>();
  for (const c of claimed)
    sent.set(c.event.submissionId ?? '', [...(sent.get(c.event.submissionId ?? '') ?? []), c.event.type]);
  // Ordered per submission: deliver what was claimed, then claim again for the next events.
  for (let round = 0; round < 5; round++) {
    const more = await store.claimDeliveries(NOW, 10_000, 60_000);
    if (!more.length) break;
    for (const c of more)
      sent.set(c.event.submissionId ?? '', [...(sent.get(c.event.submissionId ?? '') ?? []), c.event.type]);
  }
  return { store, sent };
}

/** The children first store a subscription and three acknowledged submissions with their events. */
const ACKNOWLEDGED = `
const store = createLowdbStore({ dataDir });
await store.init();
await store.saveSubscription(subscription);
for (const id of ['a1', 'a2', 'a3']) {
  await store.create({ ...newSubmission(id), events: [eventOf(crypto.randomUUID(), id, 'submission.created')] }, auditOf('create'));
  say('ack', id);
}`;

async function outboxText(): Promise<string> {
  return readFile(path.join(dataDir, OUTBOX_FILE), 'utf8');
}

describe('outbox: the window between the event line and the commit (kill -9)', () => {
  it('a create killed after its event line is durable and before its rename: no submission, no delivery', async () => {
    const run = await runStoreChild(
      dataDir,
      killOn('rename', 'victim.json'),
      `${ACKNOWLEDGED}
await store.create({ ...newSubmission('victim'), events: [eventOf('00000000-0000-4000-8000-00000000dead', 'victim', 'submission.created')] }, auditOf('create'));
say('ack', 'victim');`,
    );
    expect(run.signal).toBe('SIGKILL');
    expect(run.lines).toEqual(['ack a1', 'ack a2', 'ack a3']);
    // The window was hit: the victim's event line is on disk.
    expect(await outboxText()).toContain('00000000-0000-4000-8000-00000000dead');
    const { store, sent } = await reopen();
    try {
      expect(await store.get('t', 'victim')).toBeUndefined();
      expect(sent.get('victim')).toBeUndefined();
      for (const id of ['a1', 'a2', 'a3']) expect(sent.get(id)).toEqual(['submission.created']);
      expect(store.startupReport?.outbox).toEqual({ settled: 1, dropped: 1 });
      expect((await store.listDeliveries('t', { submissionId: 'victim' })).items).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('an update killed in the same window: the submission stays at revision 1 and only its created event goes out', async () => {
    const run = await runStoreChild(
      dataDir,
      // The victim's second rename is the update's.
      killOn('rename', 'victim.json', 'before', 2),
      `${ACKNOWLEDGED}
await store.create({ ...newSubmission('victim'), events: [eventOf(crypto.randomUUID(), 'victim', 'submission.created')] }, auditOf('create'));
say('ack', 'victim');
await store.update('t', 'victim', { expectedRevision: 1, status: 'submitted', data: { v: 2 }, receipt, action: 'update', changes: [], by: 'k', at, events: [eventOf(crypto.randomUUID(), 'victim', 'submission.submitted')] }, auditOf('update'));
say('updated', 'victim');`,
    );
    expect(run.signal).toBe('SIGKILL');
    expect(run.lines.at(-1)).toBe('ack victim');
    const { store, sent } = await reopen();
    try {
      expect((await store.get('t', 'victim'))?.revision).toBe(1);
      expect(sent.get('victim')).toEqual(['submission.created']);
      expect(store.startupReport?.outbox?.dropped).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('a delete killed after its event line and before its unlink: the submission stays, no deleted event goes out', async () => {
    const run = await runStoreChild(
      dataDir,
      killOn('unlink', 'victim.json'),
      `${ACKNOWLEDGED}
await store.create({ ...newSubmission('victim'), events: [eventOf(crypto.randomUUID(), 'victim', 'submission.created')] }, auditOf('create'));
say('ack', 'victim');
await store.delete('t', 'victim', auditOf('delete'), [eventOf(crypto.randomUUID(), 'victim', 'submission.deleted')]);
say('deleted', 'victim');`,
    );
    expect(run.signal).toBe('SIGKILL');
    expect(run.lines.at(-1)).toBe('ack victim');
    const { store, sent } = await reopen();
    try {
      expect(await store.get('t', 'victim')).toBeDefined();
      expect(sent.get('victim')).toEqual(['submission.created']);
    } finally {
      await store.close();
    }
  });

  it('a create killed right after its rename (before it was acknowledged): the submission exists and its events go out', async () => {
    const run = await runStoreChild(
      dataDir,
      killOn('rename', 'victim.json', 'after'),
      `${ACKNOWLEDGED}
await store.create({ ...newSubmission('victim'), events: [eventOf(crypto.randomUUID(), 'victim', 'submission.created')] }, auditOf('create'));
say('ack', 'victim');`,
    );
    expect(run.signal).toBe('SIGKILL');
    expect(run.lines).toEqual(['ack a1', 'ack a2', 'ack a3']);
    const { store, sent } = await reopen();
    try {
      // Committed although never acknowledged: it exists, so its event is delivered (at least once).
      expect(await store.get('t', 'victim')).toBeDefined();
      expect(sent.get('victim')).toEqual(['submission.created']);
      expect(store.startupReport?.outbox).toEqual({ settled: 1, dropped: 0 });
    } finally {
      await store.close();
    }
  });
});

describe('outbox: the commit never goes before the event line (injected faults)', () => {
  it('renames a submission file only after its event line is fsynced', async () => {
    // The outbox log's fsync is slowed down; the rename must still come after it.
    const run = await runStoreChild(
      dataDir,
      `{
  const realOpen = fsp.open;
  fsp.open = async (...args) => {
    const handle = await realOpen(...args);
    if (String(args[0]).endsWith('outbox.jsonl')) {
      const datasync = handle.datasync.bind(handle);
      handle.datasync = async () => { await new Promise((r) => setTimeout(r, 150)); await datasync(); say('event-line-synced', Date.now()); };
    }
    return handle;
  };
  const realRename = fsp.rename;
  fsp.rename = async (from, to) => { if (String(to).endsWith('victim.json')) say('rename', Date.now()); return realRename(from, to); };
}`,
      `const store = createLowdbStore({ dataDir });
await store.init();
await store.saveSubscription(subscription);
await store.create({ ...newSubmission('victim'), events: [eventOf(crypto.randomUUID(), 'victim', 'submission.created')] }, auditOf('create'));
say('ack');
await store.close();`,
    );
    expect(run.code).toBe(0);
    const events = run.lines.map((l) => l.split(' ')[0]);
    // The subscription's line is synced first; then the victim's event line, then its rename.
    const rename = events.indexOf('rename');
    expect(rename).toBeGreaterThan(0);
    expect(events.slice(0, rename).filter((e) => e === 'event-line-synced').length).toBe(2);
    expect(events.at(-1) === 'ack' || events.includes('ack')).toBe(true);
  });

  it('a create whose event line cannot be written is refused and never committed; the store stops writing until a restart', async () => {
    const run = await runStoreChild(
      dataDir,
      `{
  const realOpen = fsp.open;
  fsp.open = async (...args) => {
    const handle = await realOpen(...args);
    if (String(args[0]).endsWith('outbox.jsonl')) {
      const write = handle.write.bind(handle);
      handle.write = async (data, ...rest) => {
        if (String(data).includes('victim')) throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
        return write(data, ...rest);
      };
    }
    return handle;
  };
}`,
      `${ACKNOWLEDGED}
try {
  await store.create({ ...newSubmission('victim'), events: [eventOf(crypto.randomUUID(), 'victim', 'submission.created')] }, auditOf('create'));
  say('ack', 'victim');
} catch (e) {
  say('refused', e.code ?? e.name);
}
say('health', (await store.health()).ok);
try {
  await store.create({ ...newSubmission('after'), events: [eventOf(crypto.randomUUID(), 'after', 'submission.created')] }, auditOf('create'));
  say('ack', 'after');
} catch (e) {
  say('refused', e.name);
}
await store.close();`,
    );
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      'ack a1',
      'ack a2',
      'ack a3',
      'refused EIO',
      'health false',
      'refused StoreUnavailableError',
    ]);
    const { store, sent } = await reopen();
    try {
      expect(await store.get('t', 'victim')).toBeUndefined();
      expect(await store.get('t', 'after')).toBeUndefined();
      expect(sent.get('victim')).toBeUndefined();
      for (const id of ['a1', 'a2', 'a3']) expect(sent.get(id)).toEqual(['submission.created']);
      // The store writes again after the restart.
      await store.create(
        {
          id: 'later',
          tenantId: 't',
          formId: 'f',
          version: '1.0.0',
          status: 'draft',
          data: {},
          receipt: { formId: 'f', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: NOW },
          by: 'k',
          at: NOW,
        },
        { tenantId: 't', at: NOW, actor: 'k', action: 'create' },
      );
    } finally {
      await store.close();
    }
  });
});
