import { mkdir, mkdtemp, readFile, readdir, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptionError, StoreUnavailableError } from '@skema/core';
import type { AuditAction, NewSubmission } from '@skema/core';
import { encodeDocument } from './adapter.js';
import { encodeLine, lineHash } from './audit-chain.js';
import { createLowdbStore } from './store.js';
import type { LowdbStoreOptions } from './store.js';

// Issue #11, "Audit log integrity": the attacker's three findings, each as it was reported.
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'skema-audit-integrity-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const T = 'tenant-a';
const at = '2025-03-01T09:00:00.000Z';
const audit = (action: AuditAction) => ({ tenantId: T, at, actor: 'api-key', action });
const receipt = { formId: 'f', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: at };
const submission = (id: string): NewSubmission => ({
  id,
  tenantId: T,
  formId: 'f',
  version: '1.0.0',
  status: 'submitted',
  data: { n: 1 },
  receipt,
  by: 'k',
  at,
});

async function open(options: Partial<LowdbStoreOptions> = {}) {
  const store = createLowdbStore({ dataDir, ...options });
  await store.init();
  return store;
}

async function segments(): Promise<string[]> {
  const names = (await readdir(path.join(dataDir, 'audit'))).filter((f) => f.endsWith('.jsonl'));
  return names.sort((a, b) => a.slice(11).localeCompare(b.slice(11))).map((n) => path.join(dataDir, 'audit', n));
}

/** Fills a store with entries over several segments and closes it. */
async function filled(): Promise<void> {
  const store = await open({ auditSegmentLines: 3 });
  for (let i = 0; i < 4; i++) await store.create(submission(`sub-${i}`), audit('create'));
  for (let i = 0; i < 6; i++) await store.appendAudit(audit('read'));
  await store.close();
}

describe('audit log integrity (embedded store)', () => {
  it('an emptied last segment: starts read-only, naming the file, and refuses writes', async () => {
    await filled();
    const last = (await segments()).at(-1) as string;
    await truncate(last, 0);

    const store = await open();
    expect(store.startupReport).toMatchObject({ audit: 'read-only', auditGap: { file: last } });
    expect(store.startupReport?.auditGap?.message).toContain(last);
    const refused = await store.create(submission('new'), audit('create')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect((refused as Error).message).toContain(last);
    await expect(store.appendAudit(audit('read'))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.health()).toMatchObject({ ok: false, details: { audit: 'read-only' } });
    expect(await store.verifyAudit()).toMatchObject({ ok: false, damage: { where: last } });
    // Reads that need no audit entry still work, so the data can be looked at while it is sorted out.
    expect((await store.get(T, 'sub-0'))?.id).toBe('sub-0');
    await store.close();
  });

  it('a deleted last segment or a deleted head file: read-only too', async () => {
    await filled();
    await unlink((await segments()).at(-1) as string);
    const gone = await open();
    expect(gone.startupReport?.audit).toBe('read-only');
    await gone.close();

    await rm(dataDir, { recursive: true, force: true });
    await filled();
    await unlink(path.join(dataDir, 'audit', 'head.json'));
    const store = await open();
    expect(store.startupReport).toMatchObject({
      audit: 'read-only',
      auditGap: { file: path.join(dataDir, 'audit', 'head.json') },
    });
    await store.close();
  });

  it('an accepted gap is recorded in the log, and the store writes again', async () => {
    await filled();
    await truncate((await segments()).at(-1) as string, 0);
    const accepting = await open({ acceptAuditGap: true });
    expect(accepting.startupReport?.audit).toBe('gap-accepted');
    await accepting.create(submission('after'), audit('create'));
    await accepting.close();
    const text = (await Promise.all((await segments()).map((f) => readFile(f, 'utf8')))).join('');
    expect(text).toMatch(/"gap":\{"lastSeq":\d+,"headSeq":\d+/);
    const store = await open();
    expect(store.startupReport?.audit).toBe('ok');
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
    await store.close();
  });

  it('a deleted index/voided-audit.json brings no voided entry back', async () => {
    const store = await open();
    await store.create(submission('sub-1'), audit('create'));
    await store.close();
    // A create whose file never committed (crash between intent and rename).
    const file = (await segments()).at(-1) as string;
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    const last = lines.at(-1) as string;
    const ghost = {
      seq: (JSON.parse(last) as { seq: number }).seq + 1,
      intent: 'write' as const,
      e: { id: 'ghost', tenantId: T, at, actor: 'k', action: 'create' as const, submissionId: 'never' },
    };
    await writeFile(file, `${lines.join('\n')}\n${encodeLine(ghost, lineHash(last)).toString('utf8')}\n`);
    const recovered = await open();
    expect(recovered.startupReport?.voided).toBe(1);
    expect((await recovered.queryAudit(T, {})).items.map((e) => e.id)).not.toContain('ghost');
    await recovered.close();

    await rm(path.join(dataDir, 'index', 'voided-audit.json'), { force: true });
    await rm(path.join(dataDir, 'index', 'snapshot.json'), { force: true });
    const again = await open();
    expect((await again.queryAudit(T, {})).items.map((e) => e.action)).toEqual(['create']);
    expect(again.startupReport?.voided).toBe(0);
    await again.close();
  });

  it('imports a voided-audit.json from before the chain once, then ignores the file', async () => {
    await mkdir(path.join(dataDir, 'audit'), { recursive: true });
    await mkdir(path.join(dataDir, 'index'), { recursive: true });
    const legacy = (seq: number, id: string, action: string) =>
      JSON.stringify({
        seq,
        intent: 'write',
        e: { id, tenantId: T, at, actor: 'k', action, submissionId: `s-${seq}` },
      });
    await writeFile(
      path.join(dataDir, 'audit', '2025-03-01_000000000001.jsonl'),
      `${legacy(1, 'aborted', 'create')}\n`,
    );
    await writeFile(path.join(dataDir, 'index', 'voided-audit.json'), encodeDocument({ format: 1, ids: ['aborted'] }));
    const store = await open();
    expect(store.startupReport?.legacyVoidedImported).toBe(1);
    expect((await store.queryAudit(T, {})).items).toEqual([]);
    await store.close();
    await expect(readFile(path.join(dataDir, 'index', 'voided-audit.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    const again = await open();
    expect((await again.queryAudit(T, {})).items).toEqual([]);
    await again.close();
  });

  it('a flipped byte in an older segment: start refused naming the file; while running, reads refuse', async () => {
    await filled();
    const older = (await segments())[1] as string;
    const flip = async () => {
      const text = await readFile(older, 'utf8');
      await writeFile(older, text.replace('"actor":"api-key"', '"actor":"api-kez"'));
    };

    const running = await open();
    expect(await running.verifyAudit()).toMatchObject({ ok: true });
    await flip();
    const verified = await running.verifyAudit();
    expect(verified.ok).toBe(false);
    expect(verified.damage?.where).toContain(older);
    await expect(running.queryAudit(T, {})).rejects.toBeInstanceOf(StoreCorruptionError);
    await running.close();

    const error = await open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptionError);
    expect((error as StoreCorruptionError).files).toContain(older);
    expect((error as Error).message).not.toContain('api-kez');
  });
});
