import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { StoreCorruptionError } from '@skema/core';
import { TEMP_SUFFIX, decodeDocument } from './adapter.js';
import type { AuditLine } from './audit-log.js';
import type { Damage } from './startup.js';

/** What start-up found in a folder of one-file-per-record documents (form configurations, cases). */
export interface RecordDirScan<D> {
  docs: Map<string, D>;
  corrupt: Damage[];
  tempRemoved: number;
}

const NAME = /^[0-9a-f]{64}\.json$/;

/**
 * Reads and verifies every record file of `dataDir/dirName` at start-up. Temp files are a crash
 * before their rename: removed, never data. Anything else unexpected or damaged is reported.
 */
export function scanRecordDir<D>(
  dataDir: string,
  dirName: string,
  shapeProblem: (doc: D, name: string) => string | undefined,
): RecordDirScan<D> {
  const dir = path.join(dataDir, dirName);
  const scan: RecordDirScan<D> = { docs: new Map(), corrupt: [], tempRemoved: 0 };
  if (!existsSync(dir)) return scan;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (entry.endsWith(TEMP_SUFFIX)) {
      unlinkSync(file);
      scan.tempRemoved++;
      continue;
    }
    if (!NAME.test(entry)) {
      scan.corrupt.push({ file, reason: `Unexpected file ${file} in ${dirName}/` });
      continue;
    }
    const name = entry.slice(0, -'.json'.length);
    try {
      const doc = decodeDocument<D>(readFileSync(file, 'utf8'), file);
      const problem = shapeProblem(doc, name);
      if (problem) scan.corrupt.push({ file, reason: `Damaged data file ${file}: ${problem}` });
      else scan.docs.set(name, doc);
    } catch (error) {
      if (!(error instanceof StoreCorruptionError)) throw error;
      scan.corrupt.push({ file, reason: error.message });
    }
  }
  return scan;
}

/**
 * Settles the write intents of one kind of record in the audit tail (`recordOf` names the record a
 * line belongs to). Writes to one record run one at a time with increasing seqs, so an intent
 * committed exactly when its file's seq has reached it; any other was never acknowledged and is
 * returned for voiding.
 */
export function settleRecordIntents<D extends { seq: number }>(
  scan: RecordDirScan<D>,
  lines: AuditLine[],
  voided: ReadonlySet<string>,
  recordOf: (line: AuditLine) => string | undefined,
): { toVoid: string[]; settled: number } {
  const toVoid: string[] = [];
  let settled = 0;
  for (const line of lines) {
    const name = recordOf(line);
    if (name === undefined || line.intent !== 'write' || voided.has(line.e.id)) continue;
    settled++;
    const doc = scan.docs.get(name);
    if (!doc || doc.seq < line.seq) toVoid.push(line.e.id);
  }
  return { toVoid, settled };
}
