// Webhook delivery benchmark (issue #15): commit → local receiver latency (p50, p99), deliveries/s,
// and creates/s with an active subscription against creates/s without one, on both stores.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import type { OutboxStore, SubmissionStore } from '@skema/core';
import { createLogger, WebhookDispatcher } from '@skema/server';
import { createLowdbStore } from '@skema/store-lowdb';
import { createPostgresStore } from '@skema/store-postgres';
import { eventsOf } from '@skema/submissions';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CREATES = 600;
const CONCURRENCY = 16;
// As apps/api: webhooks are sent from a worker thread unless WEBHOOK_THREAD=off.
const THREAD = process.env.WEBHOOK_THREAD !== 'off';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
type Store = SubmissionStore & OutboxStore & { close(): Promise<void> };

/** A clock all processes on the machine share (performance.now() is per process). */
const now = (): number => performance.timeOrigin + performance.now();

/**
 * The receiver runs in its own process, as a receiving system would: its work is not counted
 * against the API's. It reports each webhook-id's arrival time over IPC.
 */
async function startReceiver(arrived: Map<string, number>): Promise<{ url: string; stop: () => void }> {
  const child = fork(fileURLToPath(new URL('./fixtures/webhook-receiver.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (m: { port?: number; arrived?: Array<[string, number]> }) => {
    for (const [id, t] of m.arrived ?? []) arrived.set(id, t);
  });
  const port = await new Promise<number>((ok, fail) => {
    child.once('message', (m: { port: number }) => ok(m.port));
    child.once('exit', (code) => fail(new Error(`the receiver exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => void child.kill() };
}

/**
 * CPU time of the main thread so far (ms; Linux, else NaN). Unlike creates/s it hardly moves with
 * the load of a shared machine, so "per create, with and without a subscription" shows what the
 * dispatcher still costs the API's event loop.
 */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** Creates `n` draft submissions, `CONCURRENCY` at a time, each with its `submission.created` event; commit times by event id. */
async function creates(
  store: Store,
  tenantId: string,
  n: number,
  onCommit: () => void,
): Promise<{ perSec: number; cpuMsPerCreate: number; committed: Map<string, number> }> {
  const committed = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const cpu = mainThreadCpuMs();
  const worker = async () => {
    while (next < n) {
      next++;
      const at = new Date().toISOString();
      const record = {
        id: randomUUID(),
        tenantId,
        formId: 'bench',
        version: '1.0.0',
        status: 'draft' as const,
        data: { n: next },
        receipt: { formId: 'bench', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: at },
        by: 'bench',
        at,
      };
      const events = eventsOf('create', undefined, { ...record, revision: 1 }, at);
      await store.create(
        { ...record, events },
        { tenantId, at, actor: 'bench', action: 'create', submissionId: record.id },
      );
      committed.set(events[0]!.id, now());
      onCommit();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return {
    perSec: n / ((performance.now() - started) / 1000),
    cpuMsPerCreate: (mainThreadCpuMs() - cpu) / n,
    committed,
  };
}

async function scenario(kind: 'lowdb' | 'postgres', open: () => Promise<Store>): Promise<void> {
  const arrived = new Map<string, number>();
  const receiver = await startReceiver(arrived);
  const store = await open();
  try {
    // Without a subscription (the events are written, nothing fans out), after a warm-up.
    await creates(store, `warm-${randomUUID().slice(0, 6)}`, 100, () => undefined);
    const without = await creates(store, `plain-${randomUUID().slice(0, 6)}`, CREATES, () => undefined);

    const tenantId = `hooks-${randomUUID().slice(0, 6)}`;
    const at = new Date().toISOString();
    await store.saveSubscription({
      id: 'bench',
      tenantId,
      url: receiver.url,
      events: ['*'],
      secret: SECRET,
      archive: false,
      allowPrivateNetwork: true,
      enabled: true,
      source: 'api',
      createdAt: at,
      updatedAt: at,
    });
    const dispatcher = new WebhookDispatcher({
      store,
      publicUrl: 'http://skema.bench',
      logger,
      concurrency: 32,
      pollMs: 100,
      thread: THREAD,
    }).start();
    // As apps/api, which starts the dispatcher before it listens.
    await dispatcher.ready();
    try {
      const withHooks = await creates(store, tenantId, CREATES, () => dispatcher.wake());
      const deadline = Date.now() + 60_000;
      while (arrived.size < withHooks.committed.size && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const latencies = [...withHooks.committed]
        .filter(([id]) => arrived.has(id))
        .map(([id, t]) => (arrived.get(id) as number) - t);
      const ratio = withHooks.perSec / without.perSec;
      console.log(
        `${kind.padEnd(9)} delivered ${arrived.size}/${CREATES}  commit→receiver p50 ${pct(latencies, 50).toFixed(1)} ms  p99 ${pct(latencies, 99).toFixed(1)} ms  ` +
          `creates/s ${without.perSec.toFixed(0)} without, ${withHooks.perSec.toFixed(0)} with a subscription (${ratio.toFixed(2)}×); ` +
          `main-thread CPU per create ${without.cpuMsPerCreate.toFixed(2)} ms without, ${withHooks.cpuMsPerCreate.toFixed(2)} ms with (sender thread ${THREAD ? 'on' : 'off'})`,
      );
      // Throughput: a backlog written while no dispatcher ran, then drained.
      await dispatcher.stop();
      arrived.clear();
      const backlog = await creates(store, tenantId, CREATES, () => undefined);
      const drainStart = now();
      const drainer = new WebhookDispatcher({
        store,
        publicUrl: 'http://skema.bench',
        logger,
        concurrency: 32,
        pollMs: 100,
        thread: THREAD,
      }).start();
      await drainer.ready();
      while (arrived.size < backlog.committed.size && now() - drainStart < 60_000)
        await new Promise((r) => setTimeout(r, 10));
      const rate = arrived.size / ((Math.max(...arrived.values()) - drainStart) / 1000);
      await drainer.stop();
      console.log(
        `${''.padEnd(9)} backlog of ${CREATES} drained at ${rate.toFixed(0)} deliveries/s. Targets: p50 < 100 ms ${pct(latencies, 50) < 100 ? 'OK' : 'MISSED'}; ` +
          `≥ 300 deliveries/s ${rate >= 300 ? 'OK' : 'MISSED'}; creates ≥ 0.8× ${ratio >= 0.8 ? 'OK' : 'MISSED'}`,
      );
    } finally {
      await dispatcher.stop();
    }
  } finally {
    await store.close();
    receiver.stop();
  }
}

export default async function webhooks(): Promise<void> {
  console.log(
    `${CREATES} creates (${CONCURRENCY} at a time) with one event each, to a receiver (its own process) on 127.0.0.1 answering 204.`,
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'skema-bench-hooks-'));
  try {
    await scenario('lowdb', async () => {
      const s = createLowdbStore({ dataDir: dir });
      await s.init();
      return s;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const schema = `skema_bench_hooks_${randomUUID().slice(0, 8).replace(/-/g, '')}`;
  try {
    await scenario('postgres', async () => {
      const s = createPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 20 });
      await s.init();
      return s;
    });
  } catch (e) {
    console.log(`postgres: skipped (${(e as Error).message})`);
  } finally {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client
      .connect()
      .then(() => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))
      .catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
