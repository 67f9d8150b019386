import { mkdtemp, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreCorruptionError } from '@skema/core';
import { DurableJsonFile, decodeDocument, encodeDocument } from './adapter.js';
import { DirSyncer } from './fs-sync.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'skema-adapter-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** The FileHandle class is not exported; take its prototype from a live handle to spy on sync(). */
async function fileHandlePrototype(): Promise<{ sync: () => Promise<void> }> {
  const handle = await open(path.join(dir, 'probe'), 'w');
  await handle.close();
  return Object.getPrototypeOf(handle) as { sync: () => Promise<void> };
}

describe('DurableJsonFile', () => {
  it('round-trips a document through lowdb with a checksum and leaves no temp file', async () => {
    const file = path.join(dir, 'doc.json');
    const db = new Low(new DurableJsonFile<{ n: number; text: string }>(file), { n: 0, text: '' });
    db.data = { n: 42, text: 'æøå "quoted"' };
    await db.write();
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^\{"sha256":"[0-9a-f]{64}","doc":\{"n":42/);
    expect(JSON.parse(text).doc).toEqual({ n: 42, text: 'æøå "quoted"' });
    const again = new Low(new DurableJsonFile<{ n: number; text: string } | null>(file), null);
    await again.read();
    expect(again.data).toEqual({ n: 42, text: 'æøå "quoted"' });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fsyncs the temp file and the folder before the write resolves', async () => {
    const proto = await fileHandlePrototype();
    const fileSync = vi.spyOn(proto, 'sync');
    const dirSyncer = new DirSyncer();
    const order: string[] = [];
    const adapter = new DurableJsonFile(path.join(dir, 'doc.json'), {
      dirSyncer,
      beforeCommit: async () => {
        order.push(`beforeCommit after ${fileSync.mock.calls.length} file sync(s)`);
      },
      onRenamed: () => order.push('renamed'),
      onCommitted: () => order.push(`committed after ${dirSyncer.syncCount} folder sync(s)`),
    });
    await adapter.write({ a: 1 });
    expect(order).toEqual(['beforeCommit after 1 file sync(s)', 'renamed', 'committed after 1 folder sync(s)']);
    expect(fileSync).toHaveBeenCalled();
  });

  it('skips every fsync only when asked to (bulk seeding)', async () => {
    const proto = await fileHandlePrototype();
    const fileSync = vi.spyOn(proto, 'sync');
    const dirSyncer = new DirSyncer();
    await new DurableJsonFile(path.join(dir, 'doc.json'), { dirSyncer, unsafeNoSync: true }).write({ a: 1 });
    expect(fileSync).not.toHaveBeenCalled();
    expect(dirSyncer.syncCount).toBe(0);
  });

  it('leaves the old content and no temp file when the commit is aborted', async () => {
    const file = path.join(dir, 'doc.json');
    await new DurableJsonFile(file).write({ version: 1 });
    const failing = new DurableJsonFile(file, {
      beforeCommit: () => Promise.reject(new Error('audit append failed')),
    });
    await expect(failing.write({ version: 2 })).rejects.toThrow('audit append failed');
    expect(await new DurableJsonFile(file).read()).toEqual({ version: 1 });
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('reads a missing file as null', async () => {
    expect(await new DurableJsonFile(path.join(dir, 'none.json')).read()).toBeNull();
  });

  it('reports damaged files as StoreCorruptionError naming the file', async () => {
    const file = path.join(dir, 'doc.json');
    const good = encodeDocument({ child: 'fictitious', n: 1 });
    const damaged = {
      empty: '',
      truncated: good.slice(0, good.length - 10),
      garbage: 'not json at all',
      foreign: '{"child":"fictitious"}\n',
      checksum: good.replace('"n":1', '"n":2'),
    };
    for (const [why, text] of Object.entries(damaged)) {
      await writeFile(file, text);
      const error = await new DurableJsonFile(file).read().catch((e: unknown) => e);
      expect(error, why).toBeInstanceOf(StoreCorruptionError);
      expect((error as StoreCorruptionError).files).toEqual([file]);
      expect((error as Error).message, why).not.toContain('fictitious');
    }
  });

  it('decodes exactly what it encoded', () => {
    const value = { list: [1, 2.5, null, 'x'], nested: { emoji: '🙂', nl: 'a\nb' } };
    expect(decodeDocument(encodeDocument(value), 'f')).toEqual(value);
  });
});

describe('DirSyncer', () => {
  it('coalesces concurrent syncs of one folder', async () => {
    const syncer = new DirSyncer();
    await Promise.all(Array.from({ length: 20 }, () => syncer.sync(dir)));
    expect(syncer.syncCount).toBeGreaterThanOrEqual(1);
    expect(syncer.syncCount).toBeLessThanOrEqual(2);
    await syncer.sync(dir);
    expect(syncer.syncCount).toBeLessThanOrEqual(3);
  });
});
