import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { StoreCorruptionError } from '@skema/core';
import { TEMP_SUFFIX, decodeDocument } from './adapter.js';
import type { AuditLine } from './audit-log.js';
import { CASES_DIR, caseShapeProblem, type CaseDoc } from './cases-doc.js';
import type { Damage } from './startup.js';

export interface CaseScan {
  docs: Map<string, CaseDoc>;
  corrupt: Damage[];
  tempRemoved: number;
}

const NAME = /^[0-9a-f]{64}\.json$/;

/**
 * Reads and verifies every case file at start-up (the in-memory index holds every case: lists
 * filter by team, form and text). Temp files are a crash before their rename: removed, never data.
 */
export function scanCases(dataDir: string): CaseScan {
  const dir = path.join(dataDir, CASES_DIR);
  const scan: CaseScan = { docs: new Map(), corrupt: [], tempRemoved: 0 };
  if (!existsSync(dir)) return scan;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (entry.endsWith(TEMP_SUFFIX)) {
      unlinkSync(file);
      scan.tempRemoved++;
      continue;
    }
    if (!NAME.test(entry)) {
      scan.corrupt.push({ file, reason: `Unexpected file ${file} in ${CASES_DIR}/` });
      continue;
    }
    const name = entry.slice(0, -'.json'.length);
    try {
      const doc = decodeDocument<CaseDoc>(readFileSync(file, 'utf8'), file);
      const problem = caseShapeProblem(doc, name);
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
 * Settles case intents in the audit tail: writes to one tenant's cases run one at a time with
 * increasing seqs, so an intent committed exactly when its file's seq has reached it; any other
 * was never acknowledged and is returned for voiding.
 */
export function settleCaseIntents(scan: CaseScan, lines: AuditLine[], voided: ReadonlySet<string>): { toVoid: string[]; settled: number } {
  const toVoid: string[] = [];
  let settled = 0;
  for (const line of lines) {
    if (line.case === undefined || line.intent !== 'write' || voided.has(line.e.id)) continue;
    settled++;
    const doc = scan.docs.get(line.case);
    if (!doc || doc.seq < line.seq) toVoid.push(line.e.id);
  }
  return { toVoid, settled };
}
