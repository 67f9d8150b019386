// Webhook delivery benchmark (issue #15): commit → local receiver latency (p50, p99), deliveries/s,
// and creates/s with an active subscription against creates/s without one, on both stores.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { OutboxStore, SubmissionStore } from '@skema/core';
import { createLogger, WebhookDispatcher } from '@skema/server';
import { createLowdbStore } from '@skema/store-lowdb';
import { createPostgresStore } from '@skema/store-postgres';
import { eventsOf } from '@skema/submissions';
import { DATABASE_URL, inPostgresSchema, postgresCpuMs, processCpuMs, startReceiver } from './fixtures/hooks-bench.js';

const CREATES = 1000;
const WARM_UP = 1500;
const ROUNDS = 5;
const CONCURRENCY = 16;
// As apps/api: webhooks are sent from a worker thread unless WEBHOOK_THREAD=off.
const THREAD = process.env.WEBHOOK_THREAD !== 'off';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
type Store = SubmissionStore & OutboxStore & { close(): Promise<void> };

/** A clock all processes on the machine share (performance.now() is per process). */
const now = (): number => performance.timeOrigin + performance.now();

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

const median = (xs: number[]): number => pct(xs, 50);

/** Waits until every committed event of `committed` has arrived (or a minute passed). */
async function arrivedAll(
  committed: Map<string, number>,
  arrived: Map<string, number>,
  collect: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  await collect();
  while ([...committed.keys()].some((id) => !arrived.has(id)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    await collect();
  }
}

/**
 * The dispatcher runs all along, as in `apps/api` (which starts it whether or not a tenant has a
 * subscription), warmed by a first stream of deliveries like the creates are by a first stream of
 * writes: a freshly started sender thread compiles its code on the first few hundred sends. Then
 * `ROUNDS` rounds of creates for a tenant without a subscription and for one with, alternating, each
 * waiting for the deliveries before it, compared by their medians.
 */
async function scenario(kind: 'lowdb' | 'postgres', open: () => Promise<Store>): Promise<void> {
  const arrived = new Map<string, number>();
  const receiver = await startReceiver();
  const collect = async () => {
    for (const [id, t] of await receiver.collect()) arrived.set(id, t);
  };
  const store = await open();
  const dispatcherOptions = {
    store,
    publicUrl: 'http://skema.bench',
    logger,
    concurrency: 32,
    pollMs: 100,
    thread: THREAD,
  };
  const dispatcher = new WebhookDispatcher(dispatcherOptions).start();
  try {
    // As apps/api, which starts the dispatcher before it listens.
    await dispatcher.ready();
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
    const wake = () => dispatcher.wake();
    // Both tenants warmed: the first writes of a tenant make its folders.
    const plainTenant = `plain-${randomUUID().slice(0, 6)}`;
    await creates(store, plainTenant, WARM_UP, wake);
    await arrivedAll((await creates(store, tenantId, WARM_UP, wake)).committed, arrived, collect);

    const without: Array<Awaited<ReturnType<typeof creates>>> = [];
    const withHooks: Array<Awaited<ReturnType<typeof creates>>> = [];
    const latencies: number[] = [];
    // The server's CPU: this process (every thread) and, on PostgreSQL, the database's processes.
    const serverCpu = () => processCpuMs() + (kind === 'postgres' ? postgresCpuMs() : 0);
    const cpuPerCreate: { without: number[]; with: number[] } = { without: [], with: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which goes first, so a store that still speeds up (or a machine that slows
      // down) during a pair favours neither phase.
      const plain = async () => {
        const cpu = serverCpu();
        const plained = await creates(store, plainTenant, CREATES, wake);
        cpuPerCreate.without.push((serverCpu() - cpu) / CREATES);
        return plained;
      };
      const hooks = async () => {
        const cpu = serverCpu();
        const hooked = await creates(store, tenantId, CREATES, wake);
        await arrivedAll(hooked.committed, arrived, collect);
        // Their deliveries are this round's cost too.
        cpuPerCreate.with.push((serverCpu() - cpu) / CREATES);
        for (const [id, t] of hooked.committed) if (arrived.has(id)) latencies.push((arrived.get(id) as number) - t);
        return hooked;
      };
      if (round % 2 === 0) {
        without.push(await plain());
        withHooks.push(await hooks());
      } else {
        withHooks.push(await hooks());
        without.push(await plain());
      }
    }
    const delivered = withHooks.reduce((n, r) => n + [...r.committed.keys()].filter((id) => arrived.has(id)).length, 0);
    const ratio = median(withHooks.map((r, i) => r.perSec / without[i]!.perSec));
    const rounds = without.map((w, i) => `${w.perSec.toFixed(0)}/${withHooks[i]!.perSec.toFixed(0)}`).join(', ');
    console.log(
      `${kind.padEnd(9)} delivered ${delivered}/${ROUNDS * CREATES}  commit→receiver p50 ${pct(latencies, 50).toFixed(1)} ms  p99 ${pct(latencies, 99).toFixed(1)} ms  ` +
        `store creates/s without/with a subscription by round ${rounds}: median of the rounds' ratios ${ratio.toFixed(2)}×; ` +
        `main-thread CPU per create ${median(without.map((r) => r.cpuMsPerCreate)).toFixed(2)} ms without, ${median(withHooks.map((r) => r.cpuMsPerCreate)).toFixed(2)} ms with (sender thread ${THREAD ? 'on' : 'off'})`,
    );
    const cpuWithout = median(cpuPerCreate.without);
    const cpuWith = median(cpuPerCreate.with);
    const capacity = cpuWithout / cpuWith;
    console.log(
      `${''.padEnd(9)} server CPU per create (${kind === 'postgres' ? 'this process + PostgreSQL' : 'this process'}, median): ${cpuWithout.toFixed(2)} ms without, ` +
        `${cpuWith.toFixed(2)} ms with a subscription (its deliveries included): creates/s capacity with a subscription ${capacity.toFixed(2)}×`,
    );
    // Throughput: a backlog written while no dispatcher ran, then drained by a new one.
    await dispatcher.stop();
    arrived.clear();
    const backlog = await creates(store, tenantId, CREATES, () => undefined);
    const drainStart = now();
    const drainer = new WebhookDispatcher(dispatcherOptions).start();
    await drainer.ready();
    await arrivedAll(backlog.committed, arrived, collect);
    const rate = arrived.size / ((Math.max(...arrived.values()) - drainStart) / 1000);
    await drainer.stop();
    console.log(
      `${''.padEnd(9)} backlog of ${CREATES} drained at ${rate.toFixed(0)} deliveries/s. Targets: p50 < 100 ms ${pct(latencies, 50) < 100 ? 'OK' : 'MISSED'}; ` +
        `≥ 300 deliveries/s ${rate >= 300 ? 'OK' : 'MISSED'}; store creates ≥ 0.8× ${ratio >= 0.8 ? 'OK' : 'MISSED'}`,
    );
  } finally {
    await dispatcher.stop();
    await store.close();
    receiver.stop();
  }
}

export default async function webhooks(): Promise<void> {
  console.log(
    `${ROUNDS} pairs of ${CREATES} store creates (${CONCURRENCY} at a time), without and with a subscription, with one event each, to a receiver (its own process) on 127.0.0.1 answering 204.`,
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
  await inPostgresSchema('skema_bench_hooks', (schema) =>
    scenario('postgres', async () => {
      const s = createPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 20 });
      await s.init();
      return s;
    }),
  );
}
