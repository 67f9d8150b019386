import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The repository's `schemas/` folder, or `SKEMA_SCHEMAS_DIR`. */
export function schemasDir(): string {
  return process.env.SKEMA_SCHEMAS_DIR ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../schemas');
}

export function lockFilePath(root = schemasDir()): string {
  return resolve(root, 'forms.lock.json');
}
