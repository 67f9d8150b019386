import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllApis, startApi } from './api-process.js';

/**
 * Crash safety of `apps/api` with the lowdb store: stream creates, SIGKILL the process at a random
 * moment, restart on the same DATA_DIR, and check that every acknowledged (201) submission is
 * there and intact. Repeated, so later rounds also recover from earlier crashes.
 */

const KEY = 'skema-dev-key';
const ROUNDS = 3;
const root = mkdtempSync(join(tmpdir(), 'skema-crash-'));
const dataDir = join(root, 'data');
const schemasDir = join(root, 'schemas');

function writeForm(): void {
  const dir = join(schemasDir, 'crashtest', '1.0.0');
  mkdirSync(join(dir, 'i18n'), { recursive: true });
  const json = (file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value));
  json('form.json', {
    id: 'crashtest',
    version: '1.0.0',
    title: { da: 'Crashtest', en: 'Crash test' },
    status: 'published',
    plugins: [],
    changelog: 'test',
  });
  json('schema.json', {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://skema.dk/schemas/crashtest/1.0.0/schema.json',
    type: 'object',
    additionalProperties: false,
    required: ['n', 'tekst'],
    properties: {
      n: { type: 'integer' },
      tekst: { type: 'string' },
      liste: { type: 'array', items: { type: 'integer' } },
    },
  });
  json('uischema.json', { type: 'VerticalLayout', elements: [] });
  json('i18n/da.json', {});
  json('i18n/en.json', {});
}

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
        const res = await fetch(`${base}/api/v1/submissions`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ formId: 'crashtest', version: '1.0.0', status: 'submitted', data }),
        });
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
  killAllApis();
  rmSync(root, { recursive: true, force: true });
});

describe('apps/api survives SIGKILL during writes (lowdb)', () => {
  it(`keeps every acknowledged submission intact over ${ROUNDS} crashes`, async () => {
    writeForm();
    for (let round = 0; round < ROUNDS; round++) {
      const api = await startApi({ DATA_DIR: dataDir, SKEMA_SCHEMAS_DIR: schemasDir, RATE_LIMIT_MAX: '1000000' });
      const stop = { now: false };
      let acked!: () => void;
      const firstAck = new Promise<void>((r) => (acked = r));
      const before = acknowledged.size;
      const exited = new Promise((r) => api.child.once('exit', r));
      const streaming = stream(api.base, stop, () => acked());
      // A stream that fails before any 201 must fail the test, not leave it waiting.
      await Promise.race([
        firstAck,
        streaming.then(() => Promise.reject(new Error(`stream ended early: ${api.output()}`))),
      ]);
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 900));
      api.child.kill('SIGKILL');
      stop.now = true;
      await streaming;
      await exited;
      expect(acknowledged.size, `round ${round} acknowledged nothing`).toBeGreaterThan(before);
    }

    const api = await startApi({ DATA_DIR: dataDir, SKEMA_SCHEMAS_DIR: schemasDir, RATE_LIMIT_MAX: '1000000' });
    try {
      expect(api.output()).not.toMatch(/corrupt/i);
      for (const [id, data] of acknowledged) {
        const res = await fetch(`${api.base}/api/v1/submissions/${id}`, { headers });
        expect(res.status, `submission ${id}`).toBe(200);
        const body = (await res.json()) as { data: unknown; revision: number; status: string };
        expect(body.data).toEqual(data);
        expect(body).toMatchObject({ revision: 1, status: 'submitted' });
      }
      // /readyz says only whether the store answers (no counts to unauthenticated callers).
      const ready = (await (await fetch(`${api.base}/readyz`)).json()) as { status: string };
      expect(ready.status).toBe('ok');
      // The store still takes writes after recovery.
      const created = await fetch(`${api.base}/api/v1/submissions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          formId: 'crashtest',
          version: '1.0.0',
          status: 'draft',
          data: { n: -1, tekst: 'efter' },
        }),
      });
      expect(created.status).toBe(201);
    } finally {
      const code = new Promise((r) => api.child.once('exit', (c) => r(c)));
      api.child.kill('SIGTERM');
      expect(await code).toBe(0);
    }
  }, 300_000);
});
