import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { StoreCorruptionError } from '@skema/core';
import type { SubmissionStatus } from '@skema/core';
import { DurableJsonFile } from './adapter.js';
import type { DirSyncer } from './fs-sync.js';
import { SubmissionIndex } from './submission-index.js';
import type { IndexEntry } from './submission-index.js';

export const INDEX_DIR = 'index';
const SNAPSHOT_FILE = 'snapshot.json';

/** [id, tenant, form, version, status (string-table indexes), updatedAtMs, ino, size, mtimeMs, idempotency key, request hash] */
type Row = [string, number, number, number, number, number, number, number, number, string | null, string | null];

/** Persisted copy of the in-memory index, so start-up does not have to open every submission file. */
interface SnapshotData {
  format: 1;
  /** Every audit line up to this seq is reflected in the files the snapshot describes. */
  seq: number;
  writtenAt: string;
  /** mtime of each shard folder: a changed folder is listed again (new or temp files). */
  dirs: Record<string, number>;
  strings: string[];
  rows: Row[];
}

export interface LoadedSnapshot {
  seq: number;
  dirs: Record<string, number>;
  index: SubmissionIndex;
}

export function snapshotPath(dataDir: string): string {
  return path.join(dataDir, INDEX_DIR, SNAPSHOT_FILE);
}

/** Loads the snapshot; a missing one gives undefined, a damaged one is moved aside (it is derived data) and reported. */
export async function readSnapshot(dataDir: string): Promise<{ snapshot?: LoadedSnapshot; problem?: string }> {
  const file = snapshotPath(dataDir);
  let data: SnapshotData | null;
  try {
    data = await new DurableJsonFile<SnapshotData>(file).read();
  } catch (error) {
    if (!(error instanceof StoreCorruptionError)) throw error;
    await rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
    return { problem: error.message };
  }
  if (!data) return {};
  if (data.format !== 1 || !Array.isArray(data.rows) || !Array.isArray(data.strings))
    return { problem: 'unknown snapshot format' };
  const index = new SubmissionIndex();
  const s = data.strings;
  const entries: IndexEntry[] = [];
  for (const [id, t, f, v, st, ms, ino, size, mtimeMs, key, hash] of data.rows) {
    const tenantId = s[t] as string;
    entries.push({
      id,
      tenantId,
      formId: s[f] as string,
      version: s[v] as string,
      status: s[st] as SubmissionStatus,
      updatedAtMs: ms,
      stamp: { ino, size, mtimeMs },
      ...(key !== null ? { idempotencyKey: key } : {}),
    });
    if (key !== null && hash !== null) index.setKey(tenantId, key, { submissionId: id, requestHash: hash });
  }
  index.load(entries);
  return { snapshot: { seq: data.seq, dirs: data.dirs ?? {}, index } };
}

/** Folder mtimes are read before the rows are captured, so a write racing the snapshot shows as a changed folder. */
export async function shardDirTimes(submissionsDir: string, shards: Iterable<string>): Promise<Record<string, number>> {
  const dirs: Record<string, number> = {};
  for (const shard of shards) {
    try {
      dirs[shard] = (await stat(path.join(submissionsDir, shard))).mtimeMs;
    } catch {
      /* a shard folder that does not exist yet */
    }
  }
  return dirs;
}

export async function writeSnapshot(
  dataDir: string,
  index: SubmissionIndex,
  seq: number,
  dirs: Record<string, number>,
  dirSyncer: DirSyncer,
): Promise<void> {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const ref = (value: string): number => {
    let i = ids.get(value);
    if (i === undefined) {
      i = strings.length;
      strings.push(value);
      ids.set(value, i);
    }
    return i;
  };
  const rows: Row[] = [];
  for (const e of index.all()) {
    const key = e.idempotencyKey ?? null;
    const hash = key === null ? null : (index.findKey(e.tenantId, key)?.requestHash ?? null);
    rows.push([
      e.id,
      ref(e.tenantId),
      ref(e.formId),
      ref(e.version),
      ref(e.status),
      e.updatedAtMs,
      e.stamp.ino,
      e.stamp.size,
      e.stamp.mtimeMs,
      key,
      hash,
    ]);
  }
  const data: SnapshotData = { format: 1, seq, writtenAt: new Date().toISOString(), dirs, strings, rows };
  await mkdir(path.join(dataDir, INDEX_DIR), { recursive: true });
  await new DurableJsonFile<SnapshotData>(snapshotPath(dataDir), { dirSyncer }).write(data);
}
