import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FormLoadError, readJson } from './load.js';
import { schemasDir } from './paths.js';

/**
 * The development tenants' list policy (`schemas/tenants/development-list-policy.json`): per form
 * id, the data fields a submission list shows (the child's or borger's name). Kept beside the
 * forms because it names form ids and data paths; `{}` when the file is absent.
 */
export function developmentListPolicy(root = schemasDir()): Record<string, string[]> {
  const file = join(root, 'tenants', 'development-list-policy.json');
  if (!existsSync(file)) return {};
  const raw = readJson(file) as Record<string, unknown>;
  const out: Record<string, string[]> = {};
  for (const [formId, pointers] of Object.entries(raw)) {
    if (formId.startsWith('$')) continue;
    if (!Array.isArray(pointers) || !pointers.every((p): p is string => typeof p === 'string' && p.startsWith('/'))) {
      throw new FormLoadError(`${formId}: expected a list of JSON Pointers`, file);
    }
    out[formId] = pointers;
  }
  return out;
}
