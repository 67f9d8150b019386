import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllApis, startApi } from '../api/api-process.js';
import { DATABASE_URL, databaseReachable, dropSchema, testSchema } from '../contract/pg-env.js';
import { writeHookForm } from './form.js';
import { headers, subscribe, TestReceiver, waitFor } from './receiver.js';

/**
 * Issue #15: kill -9 the API during a stream of submissions with a receiver attached. After the
 * restart every acknowledged submission's events arrive (at least once; a duplicate carries the
 * same webhook-id), in order per submission, on both stores.
 */
const root = mkdtempSync(join(tmpdir(), 'skema-delivery-crash-'));
const schemasDir = join(root, 'schemas');
writeHookForm(schemasDir);
const FAST = {
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_RETRY_MAX_DELAY_MS: '500',
  WEBHOOK_POLL_MS: '50',
  RATE_LIMIT_MAX: '1000000',
};
const EXPECTED = ['submission.created', 'submission.submitted', 'submission.document-ready'];

afterAll(() => {
  killAllApis();
  rmSync(root, { recursive: true, force: true });
});

async function streamUntilKilled(
  base: string,
  child: { kill(signal?: NodeJS.Signals | number): boolean; once(event: 'exit', cb: () => void): unknown },
): Promise<Set<string>> {
  const acknowledged = new Set<string>();
  const stop = { now: false };
  let n = 0;
  const worker = async () => {
    while (!stop.now) {
      try {
        const res = await fetch(`${base}/api/v1/submissions`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ formId: 'hooktest', version: '1.0.0', status: 'submitted', data: { n: n++ } }),
        });
        if (res.status === 201) acknowledged.add(((await res.json()) as { submission: { id: string } }).submission.id);
        else if (!stop.now) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
      } catch (e) {
        if (!stop.now && !(e instanceof TypeError)) throw e;
        return;
      }
    }
  };
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const workers = Promise.all([worker(), worker(), worker(), worker()]);
  // A worker that fails before enough acknowledgements fails the test with its reason.
  await Promise.race([
    waitFor(() => acknowledged.size >= 10, 60_000, 'the first acknowledgements'),
    workers.then(() => Promise.reject(new Error('the stream ended early'))),
  ]);
  await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
  child.kill('SIGKILL');
  stop.now = true;
  await workers;
  await exited;
  return acknowledged;
}

async function crashRound(env: NodeJS.ProcessEnv): Promise<void> {
  const receiver = new TestReceiver();
  const url = await receiver.start();
  try {
    const first = await startApi({ ...env, ...FAST, SKEMA_SCHEMAS_DIR: schemasDir });
    await subscribe(first.base, url);
    const acknowledged = await streamUntilKilled(first.base, first.child);
    const second = await startApi({ ...env, ...FAST, SKEMA_SCHEMAS_DIR: schemasDir });
    try {
      await waitFor(
        () => [...acknowledged].every((id) => EXPECTED.every((t) => receiver.eventsOf(id).includes(t))),
        60_000,
        'every acknowledged submission’s events',
      );
      expect(receiver.badSignatures).toBe(0);
      for (const id of acknowledged) expect(receiver.eventsOf(id), id).toEqual(EXPECTED);
      // At least once: a repeated delivery carries the event id it had the first time.
      const idsOf = new Map<string, Set<string>>();
      for (const r of receiver.received)
        idsOf.set(`${r.submissionId}|${r.type}`, (idsOf.get(`${r.submissionId}|${r.type}`) ?? new Set()).add(r.id));
      for (const [what, ids] of idsOf) expect(ids.size, what).toBe(1);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  } finally {
    await receiver.close();
  }
}

describe('webhooks survive kill -9 of the API', () => {
  it('lowdb: every acknowledged submission’s events are delivered after the restart', async () => {
    await crashRound({ DATA_DIR: join(root, 'data') });
  }, 180_000);

  it('postgres: every acknowledged submission’s events are delivered after the restart', async () => {
    if (!(await databaseReachable())) return;
    const schema = testSchema();
    try {
      await crashRound({ DATABASE_URL, DATABASE_SCHEMA: schema });
    } finally {
      await dropSchema(schema);
    }
  }, 180_000);
});
