import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptionError } from '@skema/core';
import type { NewSubmission } from '@skema/core';
import type { ChainLine } from './audit-chain.js';
import { encodeLine, lineHash } from './audit-chain.js';
import { createLowdbStore } from './store.js';
import type { LowdbStoreOptions } from './store.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'skema-recovery-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const T = 'tenant-a';
const at = '2025-03-01T09:00:00.000Z';
const audit = (action: 'create' | 'update' | 'delete' | 'read') => ({ tenantId: T, at, actor: 'api-key', action });
const receipt = { formId: 'f', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: at };

function submission(id: string): NewSubmission {
  return {
    id,
    tenantId: T,
    formId: 'f',
    version: '1.0.0',
    status: 'submitted',
    data: { n: 1 },
    receipt,
    by: 'api-key',
    at,
  };
}

async function open(options: Partial<LowdbStoreOptions> = {}) {
  const store = createLowdbStore({ dataDir, ...options });
  await store.init();
  return store;
}

async function segments(): Promise<string[]> {
  return (await readdir(path.join(dataDir, 'audit')))
    .filter((f) => f.endsWith('.jsonl'))
    .sort((a, b) => a.slice(11).localeCompare(b.slice(11)));
}

/** Appends lines as the store would (each chained to the one before), e.g. intents a crash left behind. */
async function appendChained(file: string, lines: ChainLine[]): Promise<void> {
  let prev = lineHash((await readFile(file, 'utf8')).trimEnd().split('\n').at(-1) as string);
  let text = '';
  for (const line of lines) {
    const bytes = encodeLine(line, prev);
    prev = lineHash(bytes);
    text += `${bytes.toString('utf8')}\n`;
  }
  await appendFile(file, text);
}

async function lastSeq(): Promise<number> {
  const segs = await segments();
  const lines = (await readFile(path.join(dataDir, 'audit', segs.at(-1) as string), 'utf8')).trim().split('\n');
  return JSON.parse(lines.at(-1) as string).seq as number;
}

describe('crash recovery', () => {
  it('voids audit intents whose write never committed, and keeps them hidden', async () => {
    const store = await open();
    await store.create(submission('sub-1'), audit('create'));
    await store.create(submission('sub-2'), audit('create'));
    await store.close();
    // What a crash between "intent durable" and "file renamed/unlinked" leaves behind.
    const seq = await lastSeq();
    const ghost = (
      n: number,
      intent: 'write' | 'delete',
      id: string,
      action: 'create' | 'update' | 'delete',
    ): ChainLine => ({
      seq: seq + n,
      intent,
      e: { id: `ghost-${n}`, tenantId: T, at, actor: 'api-key', action, submissionId: id },
    });
    const segs = await segments();
    await appendChained(path.join(dataDir, 'audit', segs.at(-1) as string), [
      ghost(1, 'write', 'sub-1', 'update'),
      ghost(2, 'delete', 'sub-2', 'delete'),
      ghost(3, 'write', 'sub-never', 'create'),
    ]);

    const reopened = await open();
    expect(reopened.startupReport).toMatchObject({ voided: 3, intentsSettled: 3 });
    const entries = (await reopened.queryAudit(T, {})).items;
    expect(entries.map((e) => e.action)).toEqual(['create', 'create']);
    expect((await reopened.get(T, 'sub-1'))?.revision).toBe(1);
    expect(await reopened.get(T, 'sub-2')).toBeDefined();
    expect(await reopened.get(T, 'sub-never')).toBeUndefined();
    await reopened.update(
      T,
      'sub-1',
      { expectedRevision: 1, receipt, action: 'update', changes: [], by: 'k', at },
      audit('update'),
    );
    await reopened.close();

    const third = await open();
    expect(third.startupReport?.voided).toBe(0);
    expect((await third.queryAudit(T, {})).items.map((e) => e.action)).toEqual(['create', 'create', 'update']);
    await third.close();
  });

  it('cuts a half-written audit tail, keeps the bytes aside, and appends after it', async () => {
    const store = await open();
    await store.create(submission('sub-1'), audit('create'));
    await store.appendAudit(audit('read'));
    await store.close();
    const segs = await segments();
    const file = path.join(dataDir, 'audit', segs.at(-1) as string);
    const torn = '{"seq":99,"e":{"id":"x","tena';
    await appendFile(file, torn);

    const reopened = await open();
    expect(reopened.startupReport?.tornAudit?.bytes).toBe(torn.length);
    expect(await readFile(reopened.startupReport?.tornAudit?.file as string, 'utf8')).toBe(torn);
    await reopened.appendAudit(audit('read'));
    expect((await reopened.queryAudit(T, {})).items.map((e) => e.action)).toEqual(['create', 'read', 'read']);
    expect((await readFile(file, 'utf8')).includes('"tena\n')).toBe(false);
    await reopened.close();
  });

  it('rolls audit segments and reports damage inside an older segment', async () => {
    const store = await open({ auditSegmentLines: 2 });
    for (let i = 0; i < 5; i++) await store.appendAudit(audit('read'));
    const page1 = await store.queryAudit(T, { limit: 2 });
    const page2 = await store.queryAudit(T, { limit: 2, cursor: page1.nextCursor as string });
    const page3 = await store.queryAudit(T, { limit: 2, cursor: page2.nextCursor as string });
    expect([page1, page2, page3].map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(page3.nextCursor).toBeUndefined();
    const segs = await segments();
    expect(segs.length).toBeGreaterThanOrEqual(3);
    const first = path.join(dataDir, 'audit', segs[0] as string);
    await writeFile(first, (await readFile(first, 'utf8')).replace('"seq":1,', '"seq":1,,'));
    await expect(store.queryAudit(T, {})).rejects.toBeInstanceOf(StoreCorruptionError);
    await store.close();
  });

  it('keeps every acknowledged write when the process is killed with SIGKILL', async () => {
    const child = path.join(dataDir, '..', `${path.basename(dataDir)}-child.mjs`);
    // The child runs the built package (plain node starts in well under a second; a TS loader can take many).
    const built = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');
    const entry = pathToFileURL(built).href;
    await writeFile(
      child,
      `import { createLowdbStore } from ${JSON.stringify(entry)};
const store = createLowdbStore({ dataDir: ${JSON.stringify(dataDir)} });
await store.init();
const at = new Date().toISOString();
const receipt = { formId: 'f', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: at };
let n = 0;
async function worker(w) {
  for (;;) {
    const id = 'w' + w + '-' + n++;
    await store.create({ id, tenantId: 't', formId: 'f', version: '1.0.0', status: 'draft', data: { n }, receipt, by: 'k', at }, { tenantId: 't', at, actor: 'k', action: 'create' });
    process.stdout.write('c ' + id + '\\n');
    await store.update('t', id, { expectedRevision: 1, data: { n, updated: true }, receipt, action: 'update', changes: [], by: 'k', at }, { tenantId: 't', at, actor: 'k', action: 'update' });
    process.stdout.write('u ' + id + '\\n');
  }
}
await Promise.all([0, 1, 2, 3].map(worker));
`,
    );
    const proc = spawn(process.execPath, [child], { stdio: ['ignore', 'pipe', 'inherit'] });
    const created = new Set<string>();
    const updated = new Set<string>();
    const exited = new Promise((resolve) => proc.on('exit', resolve));
    try {
      for await (const line of createInterface({ input: proc.stdout })) {
        const [kind, id] = line.split(' ') as [string, string];
        (kind === 'c' ? created : updated).add(id);
        if (updated.size >= 40) break;
      }
    } finally {
      proc.kill('SIGKILL');
    }
    await exited;
    await rm(child, { force: true });
    expect(updated.size).toBeGreaterThanOrEqual(40);

    const store = await open();
    expect(store.startupReport?.tookOverLockFromPid).toBe(proc.pid);
    for (const id of created) expect((await store.get('t', id))?.id).toBe(id);
    for (const id of updated) expect((await store.get('t', id))?.data).toMatchObject({ updated: true });
    const auditIds = new Set(
      (await store.queryAudit('t', { limit: 1000 })).items
        .filter((e) => e.action === 'update')
        .map((e) => e.submissionId),
    );
    for (const id of updated) expect(auditIds.has(id)).toBe(true);
    // Every audited write is a committed one: no entry for a submission that does not exist.
    for (const e of (await store.queryAudit('t', { limit: 1000 })).items)
      expect(await store.get('t', e.submissionId as string)).toBeDefined();
    await store.close();
  }, 120_000);
});
