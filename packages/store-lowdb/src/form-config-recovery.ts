import type { AuditLine } from './audit-log.js';
import type { FormConfigDoc } from './form-config-doc.js';
import { FORM_CONFIGS_DIR, formConfigShapeProblem } from './form-config-doc.js';
import { scanRecordDir, settleRecordIntents, type RecordDirScan } from './record-dir-recovery.js';

export type FormConfigScan = RecordDirScan<FormConfigDoc>;

/** Every form configuration file, read and verified at start-up (a tenant keeps tens of versions, not thousands). */
export function scanFormConfigs(dataDir: string): FormConfigScan {
  return scanRecordDir<FormConfigDoc>(dataDir, FORM_CONFIGS_DIR, formConfigShapeProblem);
}

/** Form configuration write intents in the audit tail that never committed, for voiding. */
export function settleFormConfigIntents(
  scan: FormConfigScan,
  lines: AuditLine[],
  voided: ReadonlySet<string>,
): { toVoid: string[]; settled: number } {
  return settleRecordIntents(scan, lines, voided, (line) => line.formConfig);
}
