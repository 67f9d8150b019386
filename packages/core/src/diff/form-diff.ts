import type { FormVersion } from '../form.js';
import { diffContent } from './content-diff.js';
import { defaultSeverities } from './rule-options-diff.js';
import { diffSchemas } from './schema-diff.js';
import { highestBump, type DiffOptions, type FormDiff } from './types.js';

/** Every classified change from form version `a` to form version `b` and the semver bump they require. */
export function diffFormVersions(a: FormVersion, b: FormVersion, options: DiffOptions = {}): FormDiff {
  const defaults = options.catalogue ? defaultSeverities(options.catalogue) : undefined;
  const changes = [...diffSchemas(a.schema, b.schema), ...diffContent(a, b, options, defaults)];
  return { changes, required: highestBump(changes.map((c) => c.level)) };
}
