// Resident memory of the real API process (`apps/api/dist/main.js`, as `npm start` runs it) on the
// embedded store with 100k submissions stored: after start-up, and after a burst of creates and lists.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStandardRegistry } from '@skema/forms';
import { DEV_KEYS } from '@skema/server';
import { seedLowdbStore } from '@skema/store-lowdb';
import { benchSubmission } from './fixtures/submission.js';
import { flushFileSystem } from './stores.js';

const API_MAIN = fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));
const TARGET_MB = 400;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc. */
function residentMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function waitForHealth(base: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`API did not answer /readyz within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export default async function benchApiMemory(): Promise<{
  stored: number;
  startupMs: number;
  rssMb: number;
  rssAfterLoadMb: number;
  peakMb: number;
}> {
  const stored = Number(process.env.BENCH_API_STORED ?? 100_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-bench-api-'));
  try {
    // Stored under the dev tenant `demo`, so the API's list calls below page through them.
    await seedLowdbStore(dataDir, stored, (i) => benchSubmission(i, 'demo'));
    flushFileSystem();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const started = performance.now();
    const child = spawn(process.execPath, [API_MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      await waitForHealth(base, 120_000);
      const startupMs = Math.round(performance.now() - started);
      const atStart = residentMb(child.pid!);

      const form = loadStandardRegistry().resolve('underretning', 'latest');
      const data = form.examples?.valid[0]?.data;
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${DEV_KEYS.demo}` };
      const body = JSON.stringify({
        formId: 'underretning',
        version: form.manifest.version,
        status: 'submitted',
        data,
      });
      for (let round = 0; round < 20; round++) {
        await Promise.all(
          Array.from({ length: 25 }, async () => {
            const res = await fetch(`${base}/api/v1/submissions`, { method: 'POST', headers, body });
            if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
          }),
        );
        const list = await fetch(`${base}/api/v1/submissions?formId=form-${round % 10}&limit=50`, { headers });
        if (!list.ok || ((await list.json()) as { items: unknown[] }).items.length === 0)
          throw new Error(`list answered ${list.status}`);
      }
      const afterLoad = residentMb(child.pid!);
      const ok = afterLoad.peak < TARGET_MB;
      console.log(
        `API process (apps/api/dist/main.js) on the embedded store, ${stored.toLocaleString('en')} submissions stored:`,
      );
      console.log(
        `  start-up to /readyz ${(startupMs / 1000).toFixed(1)} s; resident ${atStart.rss} MB after start, ${afterLoad.rss} MB after 500 creates + 20 lists, peak ${afterLoad.peak} MB`,
      );
      console.log(
        `  peak / ${TARGET_MB} MB target = ${(afterLoad.peak / TARGET_MB).toFixed(2)}× ${ok ? 'OK' : 'MISSED'}`,
      );
      return { stored, startupMs, rssMb: atStart.rss, rssAfterLoadMb: afterLoad.rss, peakMb: afterLoad.peak };
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
