import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { StoreCorruptionError } from '@skema/core';
import { TEMP_SUFFIX, decodeDocument } from './adapter.js';
import type { AuditLine } from './audit-log.js';
import type { FormConfigDoc } from './form-config-doc.js';
import { FORM_CONFIGS_DIR, formConfigShapeProblem } from './form-config-doc.js';
import type { Damage } from './startup.js';

export interface FormConfigScan {
  docs: Map<string, FormConfigDoc>;
  corrupt: Damage[];
  tempRemoved: number;
}

const NAME = /^[0-9a-f]{64}\.json$/;

/**
 * Reads and verifies every form configuration file at start-up (there are few: a tenant keeps tens
 * of versions, not thousands). Temp files are a crash before their rename: removed, never data.
 */
export function scanFormConfigs(dataDir: string): FormConfigScan {
  const dir = path.join(dataDir, FORM_CONFIGS_DIR);
  const scan: FormConfigScan = { docs: new Map(), corrupt: [], tempRemoved: 0 };
  if (!existsSync(dir)) return scan;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (entry.endsWith(TEMP_SUFFIX)) {
      unlinkSync(file);
      scan.tempRemoved++;
      continue;
    }
    if (!NAME.test(entry)) {
      scan.corrupt.push({ file, reason: `Unexpected file ${file} in ${FORM_CONFIGS_DIR}/` });
      continue;
    }
    const name = entry.slice(0, -'.json'.length);
    try {
      const doc = decodeDocument<FormConfigDoc>(readFileSync(file, 'utf8'), file);
      const problem = formConfigShapeProblem(doc, name);
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
 * Settles form configuration intents in the audit tail. Writes to one record run one at a time and
 * take increasing seqs, so an intent committed exactly when the file's seq has reached it; any other
 * intent was never acknowledged and is returned for voiding.
 */
export function settleFormConfigIntents(scan: FormConfigScan, lines: AuditLine[], voided: ReadonlySet<string>): { toVoid: string[]; settled: number } {
  const toVoid: string[] = [];
  let settled = 0;
  for (const line of lines) {
    if (line.formConfig === undefined || line.intent !== 'write' || voided.has(line.e.id)) continue;
    settled++;
    const doc = scan.docs.get(line.formConfig);
    if (!doc || doc.seq < line.seq) toVoid.push(line.e.id);
  }
  return { toVoid, settled };
}
