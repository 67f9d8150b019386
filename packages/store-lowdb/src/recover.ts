import { StoreCorruptionError } from '@skema/core';
import type { AuditGap, AuditLog } from './audit-log.js';
import { docPath } from './doc.js';
import type { CaseDoc } from './cases-doc.js';
import { scanCases, settleCaseIntents } from './cases-recovery.js';
import type { FormConfigDoc } from './form-config-doc.js';
import { scanFormConfigs, settleFormConfigIntents } from './form-config-recovery.js';
import { readSnapshot } from './snapshot.js';
import type { ScanResult } from './startup.js';
import { fullScan, settleIntents, verifySnapshot } from './startup.js';
import { SubmissionIndex } from './submission-index.js';
import type { VoidedEntries } from './voided.js';

/** What init found and did; no personal data, safe to log. */
export interface StartupReport {
  mode: 'snapshot' | 'full-scan';
  submissions: number;
  formConfigs: number;
  filesRead: number;
  tempFilesRemoved: number;
  intentsSettled: number;
  voided: number;
  snapshotProblem?: string;
  tornAudit?: { file: string; bytes: number };
  /** Audit entries whose chain link was checked (the whole log, every start). */
  auditChecked: number;
  /**
   * `ok`; `read-only` when entries known to exist are missing from the end of the log (the store
   * then refuses every write, since each needs an audit entry); `gap-accepted` when an operator
   * started with `acceptAuditGap` and the gap was recorded in the log.
   */
  audit: 'ok' | 'read-only' | 'gap-accepted';
  auditGap?: AuditGap;
  /** Ids imported from a `voided-audit.json` of a version before the chain. */
  legacyVoidedImported?: number;
  tookOverLockFromPid?: number;
  /** Outbox lines a crash left open, settled at this start, and events dropped because their write never committed. */
  outbox?: { settled: number; dropped: number };
  ms: number;
}

/**
 * Rebuilds the index from snapshot or files, settles the audit tail and voids uncommitted intents.
 * Any damaged or missing file stops start-up with a StoreCorruptionError listing every one.
 */
export async function recoverDataDir(options: {
  dataDir: string;
  submissionsDir: string;
  verify: 'stat' | 'full';
  audit: AuditLog;
  voided: VoidedEntries;
}): Promise<{
  index: SubmissionIndex;
  formConfigs: FormConfigDoc[];
  cases: CaseDoc[];
  seq: number;
  changed: boolean;
  /** Ids to void in the log once it takes writes (uncommitted intents, and a legacy voided file's). */
  toVoid: string[];
  legacyVoided: string[];
  gap?: AuditGap;
  report: Omit<StartupReport, 'ms' | 'tookOverLockFromPid' | 'audit'>;
}> {
  const { dataDir, submissionsDir, audit, voided } = options;
  const legacyVoided = await voided.readLegacy();
  const { snapshot, problem } = options.verify === 'full' ? {} : await readSnapshot(dataDir);
  const index = snapshot?.index ?? new SubmissionIndex();
  const scan: ScanResult = snapshot
    ? verifySnapshot(submissionsDir, index, snapshot.dirs)
    : fullScan(submissionsDir, index);
  await audit.open();
  const tail = await audit.scan(snapshot?.seq ?? 0);
  voided.load(tail.voided);
  voided.hide(legacyVoided);
  const settled = settleIntents(submissionsDir, index, tail.lines, voided.ids);
  const configs = scanFormConfigs(dataDir);
  const configsSettled = settleFormConfigIntents(configs, tail.lines, voided.ids);
  const cases = scanCases(dataDir);
  const casesSettled = settleCaseIntents(cases, tail.lines, voided.ids);
  const missing = scan.missing.filter((id) => !settled.settledIds.has(id));
  const damage = new Map<string, string>();
  for (const d of [...scan.corrupt, ...settled.corrupt, ...configs.corrupt, ...cases.corrupt])
    damage.set(d.file, d.reason);
  for (const id of missing) damage.set(docPath(dataDir, id), `Missing data file ${docPath(dataDir, id)}`);
  if (damage.size > 0) {
    throw new StoreCorruptionError(
      `The data folder has ${damage.size} damaged or missing data file(s); restore them from backup or move them aside, then start again:\n${[...damage.values()].join('\n')}`,
      [...damage.keys()],
    );
  }
  for (const id of missing) index.remove(id);
  const toVoid = [...settled.toVoid, ...configsSettled.toVoid, ...casesSettled.toVoid];
  voided.hide(toVoid);
  // An unchanged folder keeps its snapshot: rewriting it would only cost time and memory.
  const tempRemoved = scan.tempRemoved + configs.tempRemoved + cases.tempRemoved;
  const changed =
    !snapshot || scan.filesRead > 0 || tempRemoved > 0 || missing.length > 0 || tail.lines.length > 0 || !!tail.torn;
  return {
    index,
    formConfigs: [...configs.docs.values()],
    cases: [...cases.docs.values()],
    seq: Math.max(snapshot?.seq ?? 0, tail.maxSeq),
    changed,
    toVoid,
    legacyVoided,
    ...(tail.gap ? { gap: tail.gap } : {}),
    report: {
      mode: snapshot ? 'snapshot' : 'full-scan',
      submissions: index.size,
      formConfigs: configs.docs.size,
      filesRead: scan.filesRead,
      tempFilesRemoved: tempRemoved,
      intentsSettled: settled.settledIds.size + configsSettled.settled + casesSettled.settled,
      voided: toVoid.length,
      ...(problem ? { snapshotProblem: problem } : {}),
      ...(tail.torn ? { tornAudit: tail.torn } : {}),
      auditChecked: tail.checked,
      ...(tail.gap ? { auditGap: tail.gap } : {}),
      ...(legacyVoided.length > 0 ? { legacyVoidedImported: legacyVoided.length } : {}),
    },
  };
}
