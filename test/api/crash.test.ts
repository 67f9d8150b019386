import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Crash safety of `apps/api` with the lowdb store: stream creates, SIGKILL the process at a random
 * moment, restart on the same DATA_DIR, and check that every acknowledged (201) submission is
 * there and intact. Repeated, so later rounds also recover from earlier crashes.
 */

const MAIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../apps/api/dist/main.js');
const KEY = 'skema-dev-key';
const ROUNDS = 3;
const root = mkdtempSync(join(tmpdir(), 'skema-crash-'));
const dataDir = join(root, 'data');
const schemasDir = join(root, 'schemas');

function writeForm(): void {
  const dir = join(schemasDir, 'crashtest', '1.0.0');
  mkdirSync(join(dir, 'i18n'), { recursive: true });
  const json = (file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value));
  json('form.json', { id: 'crashtest', version: '1.0.0', title: { da: 'Crashtest', en: 'Crash test' }, status: 'published', plugins: [], changelog: 'test' });
  json('schema.json', {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://skema.dk/schemas/crashtest/1.0.0/schema.json',
    type: 'object',
    additionalProperties: false,
    required: ['n', 'tekst'],
    properties: { n: { type: 'integer' }, tekst: { type: 'string' }, liste: { type: 'array', items: { type: 'integer' } } },
  });
  json('uischema.json', { type: 'VerticalLayout', elements: [] });
  json('i18n/da.json', {});
  json('i18n/en.json', {});
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function start(): Promise<Running> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SKEMA_SCHEMAS_DIR: schemasDir, RATE_LIMIT_MAX: '1000000', LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  delete env.SKEMA_CONFIG;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`api exited with ${child.exitCode}: ${output}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.status === 200) return { child, base, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`api did not become ready: ${output}`);
}

const children = new Set<ChildProcess>();

const headers = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };
const acknowledged = new Map<string, unknown>();
let counter = 0;

/** Creates submissions with a few requests in flight until stopped; records every 201. */
async function stream(base: string, stop: { now: boolean }, firstAck: () => void): Promise<void> {
  const worker = async () => {
    while (!stop.now) {
      const n = counter++;
      const data = { n, tekst: `indsendelse ${n} ${'x'.repeat(n % 300)}`, liste: [n, n + 1, n + 2] };
      try {
        const res = await fetch(`${base}/api/v1/submissions`, { method: 'POST', headers, body: JSON.stringify({ formId: 'crashtest', version: '1.0.0', status: 'submitted', data }) });
        if (res.status === 201) {
          const body = (await res.json()) as { submission: { id: string } };
          acknowledged.set(body.submission.id, data);
          firstAck();
        } else if (!stop.now) {
          throw new Error(`unexpected status ${res.status}`);
        }
      } catch (e) {
        if (!stop.now && !(e instanceof TypeError)) throw e;
        return; // the connection died with the process
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

afterAll(() => {
  // A failed assertion must not leave an API process behind.
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('apps/api survives SIGKILL during writes (lowdb)', () => {
  it(
    `keeps every acknowledged submission intact over ${ROUNDS} crashes`,
    async () => {
      writeForm();
      for (let round = 0; round < ROUNDS; round++) {
        const api = await start();
        const stop = { now: false };
        let acked!: () => void;
        const firstAck = new Promise<void>((r) => (acked = r));
        const before = acknowledged.size;
        const exited = new Promise((r) => api.child.once('exit', r));
        const streaming = stream(api.base, stop, () => acked());
        // A stream that fails before any 201 must fail the test, not leave it waiting.
        await Promise.race([firstAck, streaming.then(() => Promise.reject(new Error(`stream ended early: ${api.output()}`)))]);
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 900));
        api.child.kill('SIGKILL');
        stop.now = true;
        await streaming;
        await exited;
        expect(acknowledged.size, `round ${round} acknowledged nothing`).toBeGreaterThan(before);
      }

      const api = await start();
      try {
        expect(api.output()).not.toMatch(/corrupt/i);
        for (const [id, data] of acknowledged) {
          const res = await fetch(`${api.base}/api/v1/submissions/${id}`, { headers });
          expect(res.status, `submission ${id}`).toBe(200);
          const body = (await res.json()) as { data: unknown; revision: number; status: string };
          expect(body.data).toEqual(data);
          expect(body).toMatchObject({ revision: 1, status: 'submitted' });
        }
        const ready = (await (await fetch(`${api.base}/readyz`)).json()) as { status: string; store: { details?: { submissions?: number } } };
        expect(ready.status).toBe('ok');
        expect(ready.store.details?.submissions ?? acknowledged.size).toBeGreaterThanOrEqual(acknowledged.size);
        // The store still takes writes after recovery.
        const created = await fetch(`${api.base}/api/v1/submissions`, { method: 'POST', headers, body: JSON.stringify({ formId: 'crashtest', version: '1.0.0', status: 'draft', data: { n: -1, tekst: 'efter' } }) });
        expect(created.status).toBe(201);
      } finally {
        const code = new Promise((r) => api.child.once('exit', (c) => r(c)));
        api.child.kill('SIGTERM');
        expect(await code).toBe(0);
      }
    },
    300_000,
  );
});
