import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllApis, startApi } from './api-process.js';

/**
 * Crash safety of case writes on the lowdb store (#16): cases are created, submissions created in
 * them and loose submissions attached, by several clients at once, and `apps/api` is killed with
 * SIGKILL at a random moment, three times over. After each restart on the same DATA_DIR every
 * acknowledged case and link is there, and every case on disk is whole: each submission it lists
 * exists and belongs to no other case. (A case write is one file committed by an audit intent and a
 * rename, settled at start-up by `record-dir-recovery.ts`; a submission created in a case is a
 * second write, so an unacknowledged one may stay without its case, never the reverse.)
 */

const KEY = 'skema-dev-key';
const ROUNDS = 3;
const root = mkdtempSync(join(tmpdir(), 'skema-crash-cases-'));
const dataDir = join(root, 'data');
const schemasDir = join(root, 'schemas');
const headers = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };

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
    required: ['n'],
    properties: { n: { type: 'integer' } },
  });
  json('uischema.json', { type: 'VerticalLayout', elements: [] });
  json('i18n/da.json', {});
  json('i18n/en.json', {});
}

interface CaseView {
  id: string;
  title: string;
  submissions: Array<{ submissionId: string }>;
}

/** Acknowledged case ids, and per case the submission ids acknowledged as its members. */
const acknowledged = new Map<string, Set<string>>();
let counter = 0;

async function post(base: string, path: string, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { ...headers, ...extra },
    body: JSON.stringify(body),
  });
}

/** One client: a case, two submissions created in it, one loose submission attached; again until stopped. */
async function client(base: string, stop: { now: boolean }, firstAck: () => void): Promise<void> {
  const expect201 = async (res: Response): Promise<unknown> => {
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`unexpected status ${res.status}: ${await res.text()}`);
    return res.json();
  };
  try {
    while (!stop.now) {
      const n = counter++;
      const created = (await expect201(
        await post(base, '/cases', {
          title: `Sag ${n}`,
          borger: { name: `Barn ${n}`, birthDate: '2015-03-01' },
        }),
      )) as CaseView;
      const members = new Set<string>();
      acknowledged.set(created.id, members);
      firstAck();
      for (let i = 0; i < 2; i++) {
        const inCase = (await expect201(
          await post(base, `/cases/${created.id}/submissions`, {
            formId: 'crashtest',
            version: '1.0.0',
            status: 'submitted',
            data: { n: n * 10 + i },
          }),
        )) as { submission: { id: string } };
        members.add(inCase.submission.id);
      }
      const loose = (await expect201(
        await post(base, '/submissions', {
          formId: 'crashtest',
          version: '1.0.0',
          status: 'submitted',
          data: { n: n * 10 + 9 },
        }),
      )) as { submission: { id: string } };
      await expect201(
        await post(base, `/cases/${created.id}/attach`, { submissionIds: [loose.submission.id] }, { 'If-Match': '*' }),
      );
      members.add(loose.submission.id);
    }
  } catch (e) {
    // The connection died with the process (fetch's TypeError); anything else fails the test.
    if (!stop.now && !(e instanceof TypeError)) throw e;
  }
}

async function allCases(base: string): Promise<CaseView[]> {
  const out: CaseView[] = [];
  let cursor: string | undefined;
  do {
    const res = await fetch(`${base}/api/v1/cases?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      headers,
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: CaseView[]; nextCursor?: string };
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

afterAll(() => {
  killAllApis();
  rmSync(root, { recursive: true, force: true });
});

describe('apps/api keeps cases whole through SIGKILL during case writes (lowdb)', () => {
  it(`keeps every acknowledged case and link, and no half-written case, over ${ROUNDS} crashes`, async () => {
    writeForm();
    const env = { DATA_DIR: dataDir, SKEMA_SCHEMAS_DIR: schemasDir, RATE_LIMIT_MAX: '1000000' };
    for (let round = 0; round <= ROUNDS; round++) {
      const api = await startApi(env);
      try {
        expect(api.output()).not.toMatch(/corrupt/i);
        // Every case on disk is whole, and every acknowledged one is there with its links.
        const cases = await allCases(api.base);
        const byId = new Map(cases.map((c) => [c.id, c]));
        const owner = new Map<string, string>();
        for (const c of cases) {
          for (const { submissionId } of c.submissions) {
            expect(owner.get(submissionId), `submission ${submissionId} in two cases`).toBeUndefined();
            owner.set(submissionId, c.id);
            const res = await fetch(`${api.base}/api/v1/submissions/${submissionId}`, { headers });
            expect(res.status, `case ${c.id} lists ${submissionId}`).toBe(200);
          }
        }
        for (const [caseId, members] of acknowledged) {
          const stored = byId.get(caseId);
          expect(stored, `acknowledged case ${caseId}`).toBeDefined();
          const listed = new Set(stored?.submissions.map((m) => m.submissionId));
          for (const sid of members) expect(listed.has(sid), `acknowledged link ${caseId} → ${sid}`).toBe(true);
        }
      } catch (e) {
        api.child.kill('SIGKILL');
        throw e;
      }
      if (round === ROUNDS) {
        // After the last crash: the store still takes case writes.
        const res = await post(api.base, '/cases', {
          title: 'Efter',
          borger: { name: 'Efter', birthDate: '2016-05-01' },
        });
        expect(res.status).toBe(201);
        const code = new Promise((r) => api.child.once('exit', (c) => r(c)));
        api.child.kill('SIGTERM');
        expect(await code).toBe(0);
        break;
      }
      const stop = { now: false };
      let acked: () => void = () => undefined;
      const firstAck = new Promise<void>((r) => (acked = r));
      const before = acknowledged.size;
      const exited = new Promise((r) => api.child.once('exit', r));
      const clients = Promise.all([0, 1, 2, 3].map(() => client(api.base, stop, () => acked())));
      await Promise.race([
        firstAck,
        clients.then(() => Promise.reject(new Error(`clients ended early: ${api.output()}`))),
      ]);
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 900));
      api.child.kill('SIGKILL');
      stop.now = true;
      await clients;
      await exited;
      expect(acknowledged.size, `round ${round} acknowledged no case`).toBeGreaterThan(before);
    }
  }, 300_000);
});
