import semver from 'semver';
import type { FormVersion } from '@skema/core';

/**
 * A version without its own `prefill.json` takes the one of the nearest earlier version of the
 * same major: a patch or minor version keeps its fields, so the mappings still fit (and `npm run
 * check` checks them against every version they apply to). A major version starts over.
 */
export function inheritPrefill(forms: FormVersion[]): FormVersion[] {
  const byForm = new Map<string, FormVersion[]>();
  for (const f of forms) byForm.set(f.manifest.id, [...(byForm.get(f.manifest.id) ?? []), f]);
  const inherited = new Map<FormVersion, FormVersion>();
  for (const versions of byForm.values()) {
    const sorted = [...versions].sort((a, b) => semver.compare(a.manifest.version, b.manifest.version));
    let last: FormVersion | undefined;
    for (const f of sorted) {
      if (f.prefill) last = f;
      else if (last?.prefill && semver.major(last.manifest.version) === semver.major(f.manifest.version))
        inherited.set(f, { ...f, prefill: last.prefill });
    }
  }
  return forms.map((f) => inherited.get(f) ?? f);
}
