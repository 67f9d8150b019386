import type { FormVersion } from '../form.js';
import { diffContent } from './content-diff.js';
import { diffSchemas } from './schema-diff.js';
import { highestBump, type FormDiff } from './types.js';

/** Every classified change from form version `a` to form version `b` and the semver bump they require. */
export function diffFormVersions(a: FormVersion, b: FormVersion): FormDiff {
  const changes = [...diffSchemas(a.schema, b.schema), ...diffContent(a, b)];
  return { changes, required: highestBump(changes.map((c) => c.level)) };
}
