import { spawn } from 'node:child_process';
import { appendFile, copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditAction, AuditEntry, TenantFormRecord } from '@skema/core';
import { StoreCorruptionError, contentHash } from '@skema/core';
import { FORM_CONFIGS_DIR, formConfigName, formConfigPath } from './form-config-doc.js';
import { encodeLine, lineHash } from './audit-chain.js';
import { createLowdbStore } from './store.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'skema-form-configs-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const T = 'tenant-a';
const at = '2025-03-01T09:00:00.000Z';
const KEY = { tenantId: T, kind: 'overlay', formId: 'aftaleskema', version: '1.0.0' } as const;
const audit = (action: AuditAction): Omit<AuditEntry, 'id'> => ({ tenantId: T, at, actor: 'admin', action });
const record = (document: unknown, version = '1.0.0'): TenantFormRecord => ({
  ...KEY,
  version,
  status: 'draft',
  document,
  hash: '',
  updatedAt: at,
  updatedBy: 'admin',
});

async function open() {
  const store = createLowdbStore({ dataDir });
  await store.init();
  return store;
}

async function auditFile(): Promise<string> {
  const segs = (await readdir(path.join(dataDir, 'audit')))
    .filter((f) => f.endsWith('.jsonl'))
    .sort((a, b) => a.slice(11).localeCompare(b.slice(11)));
  return path.join(dataDir, 'audit', segs.at(-1) as string);
}

/** What a crash between "audit intent durable" and "file renamed" leaves behind. */
async function appendGhostIntent(id: string, action: string): Promise<void> {
  const file = await auditFile();
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  const last = lines.at(-1) as string;
  const seq = (JSON.parse(last) as { seq: number }).seq + 1;
  const e = { id, tenantId: T, at, actor: 'admin', action: action as AuditAction };
  await appendFile(
    file,
    `${encodeLine({ seq, intent: 'write', formConfig: formConfigName(KEY), e }, lineHash(last)).toString('utf8')}\n`,
  );
}

describe('form configuration files: crash recovery and damage', () => {
  it('voids a publish whose file never committed and removes its temp file; the draft stays', async () => {
    const store = await open();
    await store.saveFormConfigDraft(record({ b: 1, a: 2 }), audit('form-config.draft'));
    await store.close();
    await appendGhostIntent('ghost-publish', 'form-config.publish');
    const temp = `${formConfigPath(dataDir, formConfigName(KEY))}.abc123.tmp`;
    await writeFile(temp, '{"sha256":"half-writ');

    const reopened = await open();
    expect(reopened.startupReport).toMatchObject({ voided: 1, formConfigs: 1, tempFilesRemoved: 1 });
    expect((await readdir(path.join(dataDir, FORM_CONFIGS_DIR))).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(await reopened.getFormConfig(T, 'overlay', 'aftaleskema', '1.0.0')).toMatchObject({
      status: 'draft',
      document: { b: 1, a: 2 },
    });
    expect((await reopened.queryAudit(T, {})).items.map((e) => e.action)).toEqual(['form-config.draft']);
    await reopened.setFormConfigStatus(T, 'overlay', 'aftaleskema', '1.0.0', 'published', audit('form-config.publish'));
    await reopened.close();

    const third = await open();
    expect(third.startupReport?.voided).toBe(0);
    expect((await third.queryAudit(T, {})).items.map((e) => e.action)).toEqual([
      'form-config.draft',
      'form-config.publish',
    ]);
    expect(await third.getFormConfig(T, 'overlay', 'aftaleskema', '1.0.0')).toMatchObject({
      status: 'published',
      hash: contentHash({ b: 1, a: 2 }),
    });
    await third.close();
  });

  it('keeps an intent whose file did commit (crash before the snapshot)', async () => {
    const store = await open();
    await store.saveFormConfigDraft(record({ n: 1 }), audit('form-config.draft'));
    await store.setFormConfigStatus(T, 'overlay', 'aftaleskema', '1.0.0', 'published', audit('form-config.publish'));
    // No close(): the lock and the snapshot stay as a killed process leaves them.
    const lockFile = path.join(dataDir, 'skema.lock');
    const lock = JSON.parse(await readFile(lockFile, 'utf8')) as Record<string, unknown>;
    // A holder that is gone: another pid and no process identity (a lock file of an older version).
    await writeFile(lockFile, JSON.stringify({ ...lock, pid: 2 ** 22 + 1, process: undefined }));
    const reopened = await open();
    expect(reopened.startupReport).toMatchObject({ voided: 0, intentsSettled: 2 });
    expect((await reopened.queryAudit(T, {})).items.map((e) => e.action)).toEqual([
      'form-config.draft',
      'form-config.publish',
    ]);
    expect((await reopened.getFormConfig(T, 'overlay', 'aftaleskema', '1.0.0'))?.status).toBe('published');
    await reopened.close();
    await store.close().catch(() => undefined);
  });

  it('refuses to start with a damaged or misplaced form configuration file, naming it', async () => {
    const store = await open();
    await store.saveFormConfigDraft(record({ n: 1 }), audit('form-config.draft'));
    await store.close();
    const file = formConfigPath(dataDir, formConfigName(KEY));
    const misplaced = formConfigPath(dataDir, formConfigName({ ...KEY, version: '2.0.0' }));
    await copyFile(file, misplaced);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"n":1', '"n":7'));
    const failed = createLowdbStore({ dataDir });
    const error = await failed.init().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptionError);
    expect((error as StoreCorruptionError).files.sort()).toEqual([file, misplaced].sort());
    expect((error as Error).message).toMatch(/checksum mismatch/);
    expect((error as Error).message).toMatch(/does not match the file name/);
  });

  it('never serves a file damaged while running', async () => {
    const store = await open();
    await store.saveFormConfigDraft(record({ n: 1 }), audit('form-config.draft'));
    const file = formConfigPath(dataDir, formConfigName(KEY));
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 40));
    await expect(store.getFormConfig(T, 'overlay', 'aftaleskema', '1.0.0')).rejects.toBeInstanceOf(
      StoreCorruptionError,
    );
    await expect(store.listFormConfigs(T)).rejects.toBeInstanceOf(StoreCorruptionError);
    await expect(store.saveFormConfigDraft(record({ n: 2 }), audit('form-config.draft'))).rejects.toBeInstanceOf(
      StoreCorruptionError,
    );
    await store.close();
  });

  it('keeps every acknowledged save and publish when the process is killed with SIGKILL', async () => {
    const child = path.join(dataDir, '..', `${path.basename(dataDir)}-fc-child.mjs`);
    const built = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');
    await writeFile(
      child,
      `import { createLowdbStore } from ${JSON.stringify(pathToFileURL(built).href)};
const store = createLowdbStore({ dataDir: ${JSON.stringify(dataDir)} });
await store.init();
const at = new Date().toISOString();
const audit = (action) => ({ tenantId: 't', at, actor: 'k', action });
let n = 0;
async function worker() {
  for (;;) {
    const version = '1.' + n++ + '.0';
    const document = { version, z: 1, a: [version] };
    await store.saveFormConfigDraft({ tenantId: 't', kind: 'overlay', formId: 'f', version, status: 'draft', document, hash: '', updatedAt: at, updatedBy: 'k' }, audit('form-config.draft'));
    process.stdout.write('d ' + version + '\\n');
    await store.setFormConfigStatus('t', 'overlay', 'f', version, 'published', audit('form-config.publish'));
    process.stdout.write('p ' + version + '\\n');
  }
}
await Promise.all([0, 1, 2, 3].map(worker));
`,
    );
    const proc = spawn(process.execPath, [child], { stdio: ['ignore', 'pipe', 'inherit'] });
    const drafted = new Set<string>();
    const published = new Set<string>();
    const exited = new Promise((resolve) => proc.on('exit', resolve));
    try {
      for await (const line of createInterface({ input: proc.stdout })) {
        const [kind, version] = line.split(' ') as [string, string];
        (kind === 'd' ? drafted : published).add(version);
        if (published.size >= 30) break;
      }
    } finally {
      proc.kill('SIGKILL');
    }
    await exited;
    await rm(child, { force: true });
    expect(published.size).toBeGreaterThanOrEqual(30);

    const store = await open();
    const records = new Map((await store.listFormConfigs('t')).map((r) => [r.version, r]));
    for (const v of drafted) expect(records.get(v)?.document).toEqual({ version: v, z: 1, a: [v] });
    for (const v of published)
      expect(records.get(v)).toMatchObject({ status: 'published', hash: contentHash({ version: v, z: 1, a: [v] }) });
    // Every audited write committed, and every committed write is audited exactly once.
    const entries = (await store.queryAudit('t', { limit: 1000 })).items;
    const publishedNow = [...records.values()].filter((r) => r.status === 'published');
    expect(entries.filter((e) => e.action === 'form-config.publish')).toHaveLength(publishedNow.length);
    expect(entries.filter((e) => e.action === 'form-config.draft')).toHaveLength(records.size);
    for (const e of entries) expect(records.get(e.details?.version as string)).toBeDefined();
    await store.close();
  }, 120_000);
});
