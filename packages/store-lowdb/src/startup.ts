import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { StoreCorruptionError } from '@skema/core';
import type { FileStamp } from './adapter.js';
import { TEMP_SUFFIX, decodeDocument } from './adapter.js';
import type { AuditLine } from './audit-log.js';
import type { SubmissionDoc } from './doc.js';
import { shapeProblem, shardOf } from './doc.js';
import type { IndexEntry, SubmissionIndex } from './submission-index.js';

// Start-up runs before the store serves anything, so it uses synchronous fs calls: on small files
// they are several times faster than promise-based ones (no thread-pool round trip per call).

/** A damaged file: its path and why (never its content). */
export interface Damage {
  file: string;
  reason: string;
}

export type DiskDoc = { doc: SubmissionDoc; stamp: FileStamp } | { missing: true } | { corrupt: Damage };

const SHARD = /^[0-9a-f]{2}$/;

export function readDocSync(file: string, id: string): DiskDoc {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    throw error;
  }
  let text: string;
  let stamp: FileStamp;
  try {
    const st = fstatSync(fd);
    stamp = { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
    text = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  let doc: SubmissionDoc;
  try {
    doc = decodeDocument<SubmissionDoc>(text, file);
  } catch (error) {
    if (error instanceof StoreCorruptionError) return { corrupt: { file, reason: error.message } };
    throw error;
  }
  const problem = shapeProblem(doc, id);
  return problem ? { corrupt: { file, reason: `Damaged data file ${file}: ${problem}` } } : { doc, stamp };
}

export function entryFromDoc(doc: SubmissionDoc, stamp: FileStamp): IndexEntry {
  const s = doc.submission;
  return {
    id: s.id,
    tenantId: s.tenantId,
    formId: s.formId,
    version: s.version,
    status: s.status,
    updatedAtMs: Date.parse(s.updatedAt),
    stamp,
    ...(doc.idempotency ? { idempotencyKey: doc.idempotency.key } : {}),
  };
}

/** Puts a document (or its absence) into the index, with its idempotency key. */
export function applyDoc(index: SubmissionIndex, id: string, disk: DiskDoc): void {
  if ('doc' in disk) {
    index.upsert(entryFromDoc(disk.doc, disk.stamp));
    const idem = disk.doc.idempotency;
    if (idem) index.setKey(disk.doc.submission.tenantId, idem.key, { submissionId: id, requestHash: idem.requestHash });
  } else if ('missing' in disk) {
    index.remove(id);
  }
}

export interface ScanResult {
  corrupt: Damage[];
  /** Ids the snapshot lists whose file is gone; fine only if the audit tail shows a committed delete. */
  missing: string[];
  tempRemoved: number;
  filesRead: number;
}

function shards(submissionsDir: string): string[] {
  return readdirSync(submissionsDir).filter((name) => SHARD.test(name));
}

/**
 * Lists one shard folder: removes temp files (never data: a crash before their rename), and returns
 * the ids of the submission files in it. A file in the wrong shard would be invisible, so it counts as damage.
 */
function listShard(submissionsDir: string, shard: string, result: ScanResult): string[] {
  const dir = path.join(submissionsDir, shard);
  const ids: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.endsWith(TEMP_SUFFIX)) {
      unlinkSync(path.join(dir, name));
      result.tempRemoved++;
    } else if (name.endsWith('.json')) {
      const id = name.slice(0, -'.json'.length);
      if (shardOf(id) === shard) ids.push(id);
      else
        result.corrupt.push({
          file: path.join(dir, name),
          reason: `Misplaced data file ${path.join(dir, name)}: belongs in shard ${shardOf(id)}`,
        });
    }
  }
  return ids;
}

/** Reads and verifies every submission file: the fallback when there is no usable snapshot. */
export function fullScan(submissionsDir: string, index: SubmissionIndex): ScanResult {
  const result: ScanResult = { corrupt: [], missing: [], tempRemoved: 0, filesRead: 0 };
  const entries: IndexEntry[] = [];
  const keys: Array<[string, string, string, string]> = [];
  for (const shard of shards(submissionsDir)) {
    for (const id of listShard(submissionsDir, shard, result)) {
      const disk = readDocSync(path.join(submissionsDir, shard, `${id}.json`), id);
      result.filesRead++;
      if ('corrupt' in disk) result.corrupt.push(disk.corrupt);
      else if ('doc' in disk) {
        entries.push(entryFromDoc(disk.doc, disk.stamp));
        const idem = disk.doc.idempotency;
        if (idem) keys.push([disk.doc.submission.tenantId, idem.key, id, idem.requestHash]);
      }
    }
  }
  index.load(entries);
  for (const [tenantId, key, submissionId, requestHash] of keys)
    index.setKey(tenantId, key, { submissionId, requestHash });
  return result;
}

/**
 * Checks a snapshot against the disk: every file's inode, size and mtime (a stat, no read), and a
 * listing of every shard folder whose mtime moved (new files, temp files). Changed files are re-read.
 */
export function verifySnapshot(
  submissionsDir: string,
  index: SubmissionIndex,
  dirs: Record<string, number>,
): ScanResult {
  const result: ScanResult = { corrupt: [], missing: [], tempRemoved: 0, filesRead: 0 };
  const reread = (id: string): void => {
    const disk = readDocSync(path.join(submissionsDir, shardOf(id), `${id}.json`), id);
    result.filesRead++;
    if ('corrupt' in disk) result.corrupt.push(disk.corrupt);
    else if ('missing' in disk) result.missing.push(id);
    else applyDoc(index, id, disk);
  };
  for (const shard of shards(submissionsDir)) {
    const mtime = statSync(path.join(submissionsDir, shard)).mtimeMs;
    if (dirs[shard] === mtime) continue;
    for (const id of listShard(submissionsDir, shard, result)) if (!index.get(id)) reread(id);
  }
  const changed: string[] = [];
  for (const entry of index.all()) {
    const file = path.join(submissionsDir, shardOf(entry.id), `${entry.id}.json`);
    let st;
    try {
      st = statSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      result.missing.push(entry.id);
      continue;
    }
    const s = entry.stamp;
    if (st.ino !== s.ino || st.size !== s.size || st.mtimeMs !== s.mtimeMs) changed.push(entry.id);
  }
  for (const id of changed) reread(id);
  return result;
}

/**
 * Settles the writes the audit tail announces. A write is committed when its file's journal holds
 * the intent's seq (or a later delete removed it); a delete is committed when the file is gone.
 * Intents that never committed were never acknowledged: they are returned for voiding.
 */
export function settleIntents(
  submissionsDir: string,
  index: SubmissionIndex,
  lines: AuditLine[],
  voided: ReadonlySet<string>,
): { toVoid: string[]; corrupt: Damage[]; settledIds: Set<string> } {
  const bySubmission = new Map<string, AuditLine[]>();
  for (const line of lines) {
    const id = line.intent ? line.e.submissionId : undefined;
    if (id === undefined) continue;
    const list = bySubmission.get(id) ?? [];
    list.push(line);
    bySubmission.set(id, list);
  }
  const toVoid: string[] = [];
  const corrupt: Damage[] = [];
  for (const [id, intents] of bySubmission) {
    const disk = readDocSync(path.join(submissionsDir, shardOf(id), `${id}.json`), id);
    if ('corrupt' in disk) {
      corrupt.push(disk.corrupt);
      continue;
    }
    applyDoc(index, id, disk);
    const doc = 'doc' in disk ? disk.doc : undefined;
    const seqs = new Set(doc?.journal.map((j) => j.seq));
    const firstSeq = doc?.journal[0]?.seq ?? Infinity;
    // A delete committed when the file is gone, or when the file is a later re-creation of the id.
    const deleteCommitted = (l: AuditLine): boolean => doc === undefined || firstSeq > l.seq;
    for (const line of intents) {
      if (voided.has(line.e.id)) continue;
      const committed =
        line.intent === 'write'
          ? seqs.has(line.seq) || intents.some((l) => l.intent === 'delete' && l.seq > line.seq && deleteCommitted(l))
          : deleteCommitted(line);
      if (!committed) toVoid.push(line.e.id);
    }
  }
  return { toVoid, corrupt, settledIds: new Set(bySubmission.keys()) };
}
