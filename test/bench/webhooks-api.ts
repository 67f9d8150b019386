// Issue #15, as a municipality sees it: POST /api/v1/submissions per second on the running API
// (`apps/api`, its dispatcher and sender thread as deployed) for a tenant with an active webhook
// subscription against a tenant without one, on both stores.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEV_KEYS } from '@skema/server';
import { startApi, type RunningApi } from '../api/api-process.js';
import { subject } from './api.js';
import { DATABASE_URL, inPostgresSchema, postgresCpuMs, processCpuMs, startReceiver } from './fixtures/hooks-bench.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ROUNDS = 7;
const DURATION_S = 3;
const CONNECTIONS = 10;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function createsPerSecond(api: RunningApi, key: string, body: string): Promise<{ rps: number; created: number }> {
  const result = await autocannon({
    url: `${api.base}/api/v1/submissions`,
    method: 'POST',
    // Its own thread: on this event loop it would measure itself as much as the API.
    workers: 1,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body,
  });
  if (result.non2xx || result.errors) throw new Error(`${result.non2xx} answers not 2xx, ${result.errors} errors`);
  return { rps: result.requests.average, created: result.requests.total };
}

async function scenario(kind: 'lowdb' | 'postgres', env: NodeJS.ProcessEnv, body: string): Promise<void> {
  const receiver = await startReceiver();
  let arrived = 0;
  const count = async () => (arrived += (await receiver.collect()).length);
  const api = await startApi({ ...env, RATE_LIMIT_MAX: '100000000', LOG_LEVEL: 'warn' });
  try {
    // Tenant `demo` subscribes to every event; `demo2` has no subscription.
    const res = await fetch(`${api.base}/api/v1/admin/webhooks/bench`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${DEV_KEYS.demo}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, secret: SECRET, events: ['*'], allowPrivateNetwork: true }),
    });
    if (!res.ok) throw new Error(`subscribe: ${res.status} ${await res.text()}`);
    let expected = 0;
    const delivered = async () => {
      const deadline = Date.now() + 120_000;
      while ((await count()) < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    };
    // The server's CPU: the API process (every thread: requests, sender thread, GC) and, on
    // PostgreSQL, the database's processes. Per create it does not move with what else runs.
    const serverCpu = () => processCpuMs(api.child.pid) + (kind === 'postgres' ? postgresCpuMs() : 0);
    const cpuPerCreate: { without: number[]; with: number[] } = { without: [], with: [] };
    const withHooks = async () => {
      const cpu = serverCpu();
      const r = await createsPerSecond(api, DEV_KEYS.demo, body);
      expected += r.created;
      // The next round starts with no deliveries left over from this one; their cost is this round's.
      await delivered();
      cpuPerCreate.with.push((serverCpu() - cpu) / r.created);
      return r.rps;
    };
    const without = async () => {
      const cpu = serverCpu();
      const r = await createsPerSecond(api, DEV_KEYS.demo2, body);
      cpuPerCreate.without.push((serverCpu() - cpu) / r.created);
      return r.rps;
    };
    // Warm-up: both tenants, and the sender thread's first few hundred sends.
    for (let i = 0; i < 2; i++) {
      await without();
      await withHooks();
    }
    cpuPerCreate.without.length = 0;
    cpuPerCreate.with.length = 0;
    const pairs: Array<[number, number]> = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which goes first, so a drift during a pair favours neither.
      if (round % 2 === 0) {
        const a = await without();
        pairs.push([a, await withHooks()]);
      } else {
        const b = await withHooks();
        pairs.push([await without(), b]);
      }
    }
    const ratio = median(pairs.map(([a, b]) => b / a));
    const cpuWithout = median(cpuPerCreate.without);
    const cpuWith = median(cpuPerCreate.with);
    const capacity = cpuWithout / cpuWith;
    console.log(
      `${kind.padEnd(9)} POST /submissions/s without/with a subscription by round ${pairs.map(([a, b]) => `${a.toFixed(0)}/${b.toFixed(0)}`).join(', ')}: ` +
        `median of the rounds' ratios ${ratio.toFixed(2)}× (target ≥ 0.8× ${ratio >= 0.8 ? 'OK' : 'MISSED'}); ${await count()}/${expected} webhooks arrived`,
    );
    console.log(
      `${''.padEnd(9)} server CPU per create (${kind === 'postgres' ? 'API process + PostgreSQL' : 'API process'}, median): ${cpuWithout.toFixed(2)} ms without, ` +
        `${cpuWith.toFixed(2)} ms with a subscription (its deliveries included): the server's creates/s capacity with a subscription ${capacity.toFixed(2)}× (target ≥ 0.8× ${capacity >= 0.8 ? 'OK' : 'MISSED'})`,
    );
  } finally {
    api.child.kill('SIGTERM');
    await new Promise((r) => api.child.once('exit', r));
    receiver.stop();
  }
}

export default async function webhooksApi(): Promise<void> {
  const { form, data } = subject();
  const body = JSON.stringify({ formId: form.manifest.id, version: form.manifest.version, status: 'draft', data });
  console.log(
    `${ROUNDS} pairs of ${DURATION_S} s of draft creates (${form.manifest.id}@${form.manifest.version}, ${Buffer.byteLength(body)} bytes, ${CONNECTIONS} connections) ` +
      `for a tenant without and one with a subscription to every event; the API (apps/api) and the receiver in their own processes.`,
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'skema-bench-hooks-api-'));
  try {
    await scenario('lowdb', { DATA_DIR: dir }, body);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await inPostgresSchema('skema_bench_hooks_api', (schema) =>
    scenario('postgres', { DATABASE_URL, DATABASE_SCHEMA: schema }, body),
  );
}
