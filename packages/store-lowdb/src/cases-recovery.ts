import type { AuditLine } from './audit-log.js';
import { CASES_DIR, caseShapeProblem, type CaseDoc } from './cases-doc.js';
import { scanRecordDir, settleRecordIntents, type RecordDirScan } from './record-dir-recovery.js';

export type CaseScan = RecordDirScan<CaseDoc>;

/** Every case file, read and verified at start-up (the in-memory index holds every case: lists filter by team, form and text). */
export function scanCases(dataDir: string): CaseScan {
  return scanRecordDir<CaseDoc>(dataDir, CASES_DIR, caseShapeProblem);
}

/** Case write intents in the audit tail that never committed, for voiding. */
export function settleCaseIntents(
  scan: CaseScan,
  lines: AuditLine[],
  voided: ReadonlySet<string>,
): { toVoid: string[]; settled: number } {
  return settleRecordIntents(scan, lines, voided, (line) => line.case);
}
