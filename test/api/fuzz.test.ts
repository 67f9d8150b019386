import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileCases, ownFormDocument, prng, type HostileCase } from '../fuzz/hostile.js';
import { killAllApis, startApi, type RunningApi } from './api-process.js';

/**
 * Hostile forms published through the admin API of the real `apps/api`, then validated with
 * hostile data, while a separate thread polls `/healthz`. Every request must end within 1 s with
 * a deliberate answer (never 500), and `/healthz` must answer within 100 ms throughout: one
 * tenant's form can never stall the service for the others. `FUZZ_SEED` replays a run.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const CASES = Number(process.env.FUZZ_CASES ?? 36);
const REQUEST_LIMIT_MS = Number(process.env.FUZZ_LIMIT ?? 1000);
const HEALTH_LIMIT_MS = 100;
const KEY = { Authorization: 'Bearer skema-dev-key', 'Content-Type': 'application/json' };
const root = mkdtempSync(join(tmpdir(), 'skema-fuzz-'));

afterAll(() => {
  killAllApis();
  rmSync(root, { recursive: true, force: true });
});

/** Polls /healthz from its own thread (its own event loop), so the test's own work cannot skew the figure. */
function healthMonitor(base: string): { stop: () => Promise<{ worst: number; count: number; failures: string[] }> } {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    let worst = 0, count = 0, stopped = false; const failures = [];
    parentPort.on('message', () => { stopped = true; });
    (async () => {
      while (!stopped) {
        const t0 = performance.now();
        try {
          const res = await fetch(workerData + '/healthz', { signal: AbortSignal.timeout(5000) });
          await res.arrayBuffer();
          if (res.status !== 200) failures.push('status ' + res.status);
        } catch (e) { failures.push(String(e)); }
        const ms = performance.now() - t0;
        worst = Math.max(worst, ms); count++;
        await new Promise((r) => setTimeout(r, 10));
      }
      parentPort.postMessage({ worst, count, failures });
    })();
    `,
    { eval: true, workerData: base },
  );
  return {
    stop: () =>
      new Promise((ok) => {
        worker.once('message', (m) => {
          void worker.terminate();
          ok(m as { worst: number; count: number; failures: string[] });
        });
        worker.postMessage('stop');
      }),
  };
}

interface Timed {
  status: number;
  ms: number;
  body: string;
}

async function timed(what: string, url: string, init: RequestInit): Promise<Timed> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5 * REQUEST_LIMIT_MS) });
    const body = await res.text();
    return { status: res.status, ms: performance.now() - t0, body };
  } catch (e) {
    throw new Error(
      `${what}: no answer within ${5 * REQUEST_LIMIT_MS} ms (${String(e)}); replay with FUZZ_SEED=${SEED}`,
      { cause: e },
    );
  }
}

/** A deliberate answer: success, a client error, or 503 for work cut off; never a crash (500) or a hang. */
function expectBounded(what: string, r: Timed, log: string[]): void {
  log.push(`${what}: ${r.status} in ${r.ms.toFixed(0)} ms`);
  expect(r.status, `${what} answered ${r.status}: ${r.body.slice(0, 300)}`).not.toBe(500);
  expect(r.status, `${what}`).toBeLessThan(504);
  expect(
    r.ms,
    `${what} took ${r.ms.toFixed(0)} ms (limit ${REQUEST_LIMIT_MS} ms); replay with FUZZ_SEED=${SEED}`,
  ).toBeLessThan(REQUEST_LIMIT_MS);
}

async function attackOwnForm(api: RunningApi, c: HostileCase, i: number, log: string[]): Promise<void> {
  const formId = `fuzz${i}`;
  const url = `${api.base}/api/v1/admin/form-configs/form/${formId}/1.0.0`;
  const put = await timed(`${c.name}: upload`, url, {
    method: 'PUT',
    headers: KEY,
    body: JSON.stringify(ownFormDocument(c)),
  });
  expectBounded(`${c.name}: upload`, put, log);
  if (put.status !== 200) return;
  const publish = await timed(`${c.name}: publish`, `${url}/publish`, { method: 'POST', headers: KEY });
  expectBounded(`${c.name}: publish`, publish, log);
  if (publish.status !== 200) return;
  for (const data of c.data) {
    const res = await timed(`${c.name}: validate`, `${api.base}/api/v1/forms/${formId}/versions/1.0.0/validate`, {
      method: 'POST',
      headers: KEY,
      body: `{"data":${data}}`,
    });
    expectBounded(`${c.name}: validate ${data.length} bytes`, res, log);
  }
}

/** The same regular expressions through an overlay of a national form. */
async function attackOverlay(api: RunningApi, pattern: string, n: number, log: string[]): Promise<void> {
  const url = `${api.base}/api/v1/admin/form-configs/overlay/aftaleskema/1.${n}.0`;
  const overlay = { baseVersion: '1.0.0', constraints: { '/opfoelgningsansvarlig': { pattern } } };
  const put = await timed(`overlay ${JSON.stringify(pattern)}: upload`, url, {
    method: 'PUT',
    headers: KEY,
    body: JSON.stringify(overlay),
  });
  expectBounded(`overlay ${JSON.stringify(pattern)}: upload`, put, log);
  if (put.status !== 200) return;
  const publish = await timed(`overlay ${JSON.stringify(pattern)}: publish`, `${url}/publish`, {
    method: 'POST',
    headers: KEY,
  });
  expectBounded(`overlay ${JSON.stringify(pattern)}: publish`, publish, log);
  if (publish.status !== 200) return;
  const data = JSON.stringify({ data: { opfoelgningsansvarlig: `${'a'.repeat(3000)}!` } });
  const res = await timed(
    `overlay ${JSON.stringify(pattern)}: validate`,
    `${api.base}/api/v1/forms/aftaleskema/versions/1.0.0/validate`,
    { method: 'POST', headers: KEY, body: data },
  );
  expectBounded(`overlay ${JSON.stringify(pattern)}: validate`, res, log);
}

describe(`hostile forms and data through the admin API (FUZZ_SEED=${SEED})`, () => {
  it(`${CASES} hostile own forms and overlays: every request ends within ${REQUEST_LIMIT_MS} ms, /healthz within ${HEALTH_LIMIT_MS} ms`, async () => {
    const cases = hostileCases(SEED, CASES);
    const api = await startApi({ DATA_DIR: join(root, 'data'), RATE_LIMIT_MAX: '1000000' });
    const monitor = healthMonitor(api.base);
    const log: string[] = [];
    let health: { worst: number; count: number; failures: string[] } | undefined;
    try {
      for (const [i, c] of cases.entries()) await attackOwnForm(api, c, i, log);
      const r = prng(SEED + 1);
      const patterns = [
        '^(a|a)*$',
        '^(\\w|\\d)+$',
        '^[a-z]+[a-z]+[a-z]+[a-z]+!$',
        `^(a{1,${1 + Math.floor(r() * 20)}})+$`,
      ];
      for (const [n, pattern] of patterns.entries()) await attackOverlay(api, pattern, n + 1, log);
    } finally {
      health = await monitor.stop();
    }
    // The closing note quotes this line.
    if (process.env.FUZZ_LOG) console.log(log.join('\n'));
    console.log(
      `fuzz seed ${SEED}: ${log.length} requests; worst /healthz ${health.worst.toFixed(1)} ms over ${health.count} polls`,
    );
    expect(health.failures, 'a /healthz poll failed').toEqual([]);
    expect(health.worst, `worst /healthz latency; replay with FUZZ_SEED=${SEED}`).toBeLessThan(HEALTH_LIMIT_MS);
    expect(api.child.exitCode, `the API exited: ${api.output().slice(-2000)}`).toBeNull();
    // The service still does real work afterwards.
    const after = await timed(
      'a validation afterwards',
      `${api.base}/api/v1/forms/underretning/versions/1.0.0/validate`,
      { method: 'POST', headers: KEY, body: '{"data":{}}' },
    );
    expect(after.status).toBe(200);
  }, 240_000);
});
