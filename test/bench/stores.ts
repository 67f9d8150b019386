import { execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rename, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import type { SubmissionStore } from '@skema/core';
import { createLowdbStore, seedLowdbStore } from '@skema/store-lowdb';
import { createPostgresStore, seedPostgresStore } from '@skema/store-postgres';
import { benchSubmission } from './fixtures/submission.js';

type StoreKind = 'lowdb' | 'postgres';

export interface BenchOptions {
  stores?: StoreKind[];
  sizes?: number[];
  creates?: number;
  concurrency?: number;
  /** Also time a start-up that reads every file (lowdb without snapshot). */
  fullScan?: boolean;
}

interface ScenarioResult {
  store: StoreKind;
  stored: number;
  seedMs: number;
  initMs: number;
  initFullScanMs?: number;
  rssMbAfterInit: number;
  heapMbAfterInit: number;
  createsPerSec: number;
  /** fsync ceiling (ops/s) measured just before the creates, and the creates' share of it. */
  fsyncCeiling: number;
  createsPerCeiling: number;
  createP50Ms: number;
  createP99Ms: number;
  listP50Ms: number;
  listP99Ms: number;
}

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TENANT = 'bench-tenant';
const FORMS = 10;
const submission = (i: number, base?: number) => benchSubmission(i, TENANT, base);

export function flushFileSystem(): void {
  try {
    execFileSync('sync');
  } catch {
    /* no sync binary (Windows): measure as is */
  }
}

/** Writes the seeded rows out, as the file-system flush does for the embedded store (needs superuser; else skipped). */
async function checkpoint(): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
  } catch {
    /* not a superuser */
  } finally {
    await client.end();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

async function measureCreates(
  store: SubmissionStore,
  count: number,
  concurrency: number,
): Promise<{ perSec: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const now = Date.UTC(2026, 0, 1);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const input = submission(next++, now);
        const t = performance.now();
        await store.create(input, { tenantId: TENANT, at: input.at, actor: 'bench-key', action: 'create' });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSec: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function measureList(store: SubmissionStore, rounds = 30): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const page = await store.list(TENANT, { formId: `form-${i % FORMS}`, limit: 50 });
    latencies.push(performance.now() - t);
    if (page.items.length === 0) throw new Error('list returned nothing');
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Resident memory (includes the tsx loader, ~90 MB in an empty child) and live heap, after a GC. */
function memory(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: round(m.rss / 1024 / 1024, 0), heap: round(m.heapUsed / 1024 / 1024, 0) };
}

/** One store at one size, in a fresh process so its memory figure is its own. */
async function runScenario(
  kind: StoreKind,
  stored: number,
  creates: number,
  concurrency: number,
  fullScan: boolean,
): Promise<ScenarioResult> {
  if (kind === 'lowdb') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'skema-bench-lowdb-'));
    try {
      let t = performance.now();
      await seedLowdbStore(dataDir, stored, (i) => submission(i));
      const seedMs = performance.now() - t;
      // Seeding skips fsync; flush its dirty pages first so their writeback does not slow the measured fsyncs.
      flushFileSystem();
      let initFullScanMs: number | undefined;
      if (fullScan) {
        const scan = createLowdbStore({ dataDir, verify: 'full' });
        t = performance.now();
        await scan.init();
        initFullScanMs = round(performance.now() - t, 0);
        await scan.close();
      }
      const store = createLowdbStore({ dataDir });
      t = performance.now();
      await store.init();
      const initMs = performance.now() - t;
      const mem = memory();
      const ceiling = await fsyncCeiling();
      const c = await measureCreates(store, creates, concurrency);
      const l = await measureList(store);
      await store.close();
      return result(kind, stored, seedMs, initMs, mem, { ...c, ceiling }, l, initFullScanMs);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const schema = `skema_bench_${randomBytes(4).toString('hex')}`;
  try {
    let t = performance.now();
    await seedPostgresStore({ connectionString: DATABASE_URL, schema }, stored, (i) => submission(i));
    const seedMs = performance.now() - t;
    await checkpoint();
    const store = createPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: concurrency });
    t = performance.now();
    await store.init();
    const initMs = performance.now() - t;
    const mem = memory();
    const ceiling = await fsyncCeiling();
    const c = await measureCreates(store, creates, concurrency);
    const l = await measureList(store);
    await store.close();
    return result(kind, stored, seedMs, initMs, mem, { ...c, ceiling }, l);
  } finally {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

function result(
  store: StoreKind,
  stored: number,
  seedMs: number,
  initMs: number,
  mem: { rss: number; heap: number },
  c: { perSec: number; p50: number; p99: number; ceiling: number },
  l: { p50: number; p99: number },
  initFullScanMs?: number,
): ScenarioResult {
  return {
    store,
    stored,
    seedMs: round(seedMs, 0),
    initMs: round(initMs, 0),
    ...(initFullScanMs !== undefined ? { initFullScanMs } : {}),
    rssMbAfterInit: mem.rss,
    heapMbAfterInit: mem.heap,
    createsPerSec: round(c.perSec, 0),
    fsyncCeiling: c.ceiling,
    createsPerCeiling: round(c.perSec / c.ceiling, 2),
    createP50Ms: round(c.p50),
    createP99Ms: round(c.p99),
    listP50Ms: round(l.p50),
    listP99Ms: round(l.p99),
  };
}

function inChild(
  kind: StoreKind,
  stored: number,
  creates: number,
  concurrency: number,
  fullScan: boolean,
): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    const child = fork(
      fileURLToPath(import.meta.url),
      ['--scenario', kind, String(stored), String(creates), String(concurrency), String(fullScan)],
      {
        execArgv: ['--import', 'tsx', '--expose-gc'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    let answer: ScenarioResult | undefined;
    child.on('message', (m) => (answer = m as ScenarioResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      answer ? resolve(answer) : reject(new Error(`${kind} ${stored}: scenario exited with ${code}`)),
    );
  });
}

/**
 * The machine's own ceiling for the embedded write pattern: write+fsync a 2 KB temp file, rename it,
 * fsync the folder, 16 at a time. Store figures only mean something next to this one.
 */
async function fsyncCeiling(ops = 400, concurrency = 16): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'skema-bench-fsync-'));
  const data = Buffer.alloc(2048, 120);
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ops) {
          const file = path.join(dir, `${next++}.json`);
          const handle = await open(`${file}.tmp`, 'w');
          await handle.writeFile(data);
          await handle.sync();
          await handle.close();
          await rename(`${file}.tmp`, file);
          const d = await open(dir, 'r');
          await d.sync();
          await d.close();
        }
      }),
    );
    return round(ops / ((performance.now() - started) / 1000), 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Seeds 0, 10k and 100k submissions per store and measures create throughput, latency, list, start-up and memory. */
export async function benchStores(options: BenchOptions = {}): Promise<Record<string, unknown>> {
  const stores = options.stores ?? ['lowdb', 'postgres'];
  const sizes = options.sizes ?? [0, 10_000, 100_000];
  const creates = options.creates ?? 1000;
  const concurrency = options.concurrency ?? 16;
  const rows: ScenarioResult[] = [];
  const fsyncOpsPerSecBefore = await fsyncCeiling();
  for (const kind of stores) {
    for (const stored of sizes) rows.push(await inChild(kind, stored, creates, concurrency, options.fullScan ?? true));
  }
  const find = (kind: StoreKind, stored: number) => rows.find((r) => r.store === kind && r.stored === stored);
  const lowSmall = find('lowdb', Math.min(...sizes));
  const lowLarge = find('lowdb', Math.max(...sizes));
  const pgLarge = find('postgres', Math.max(...sizes));
  const ratios = {
    lowdbCreatesSmallOverLarge:
      lowSmall && lowLarge ? round(lowSmall.createsPerSec / lowLarge.createsPerSec, 2) : undefined,
    /** The same ratio with each figure divided by the disk ceiling measured next to it (load-independent). */
    lowdbCeilingShareSmallOverLarge:
      lowSmall && lowLarge ? round(lowSmall.createsPerCeiling / lowLarge.createsPerCeiling, 2) : undefined,
    lowdbP99LargeOverSmall: lowSmall && lowLarge ? round(lowLarge.createP99Ms / lowSmall.createP99Ms, 2) : undefined,
    postgresOverLowdbCreates:
      pgLarge && lowLarge ? round(pgLarge.createsPerSec / lowLarge.createsPerSec, 2) : undefined,
  };
  const targets = {
    lowdbCreatesAtLargest: lowLarge ? lowLarge.createsPerSec >= 300 : undefined,
    lowdbP99Under100ms: lowLarge ? lowLarge.createP99Ms < 100 : undefined,
    lowdbWithin1_5xOfEmpty:
      ratios.lowdbCreatesSmallOverLarge === undefined ? undefined : ratios.lowdbCreatesSmallOverLarge <= 1.5,
    postgresAtLeast1000PerSec: pgLarge ? pgLarge.createsPerSec >= 1000 : undefined,
  };
  const machine = {
    fsyncOpsPerSecBefore,
    fsyncOpsPerSecAfter: await fsyncCeiling(),
    cpus: availableParallelism(),
    loadAverage: loadavg().map((n) => round(n)),
  };
  console.table(rows);
  console.table([{ ...ratios, ...targets }]);
  console.table([machine]);
  return { creates, concurrency, machine, rows, ratios, targets };
}

/** The `stores` section of `npm run bench`: every store at 0, 10k and 100k stored (BENCH_SIZES overrides). */
export default async function benchStoresSection(): Promise<void> {
  const sizes = process.env.BENCH_SIZES?.split(',').map(Number);
  await benchStores(sizes ? { sizes } : {});
}

if (process.argv.includes('--scenario')) {
  const [kind, stored, creates, concurrency, fullScan] = process.argv.slice(process.argv.indexOf('--scenario') + 1);
  const r = await runScenario(
    kind as StoreKind,
    Number(stored),
    Number(creates),
    Number(concurrency),
    fullScan === 'true',
  );
  process.send?.(r);
} else if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const sizes = process.env.BENCH_SIZES?.split(',').map(Number);
  await benchStores(sizes ? { sizes } : {});
}
