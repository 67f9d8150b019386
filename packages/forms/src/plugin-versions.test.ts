import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadForms } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine, standardPlugins } from './standard.js';

// A receipt names the plugins (and versions) that validated a submission. The version must be the
// plugin package's own, not a constant in its source that nobody bumps with a release.
const PLUGINS_DIR = fileURLToPath(new URL('../../../plugins', import.meta.url));

/** `@skema/plugin-viso` → its package.json version, for every package under plugins/. */
function packageVersions(): Map<string, string> {
  const versions = new Map<string, string>();
  for (const dir of readdirSync(PLUGINS_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const pkg = JSON.parse(readFileSync(join(PLUGINS_DIR, dir.name, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    versions.set(pkg.name, pkg.version);
  }
  return versions;
}

describe('plugin versions', () => {
  const versions = packageVersions();

  it('each standard rule plugin reports its package.json version', () => {
    const wrong = standardPlugins()
      .filter((p) => versions.get(p.name) !== p.version)
      .map((p) => `${p.name}@${p.version} (package.json: ${versions.get(p.name) ?? 'no package'})`);
    expect(wrong).toEqual([]);
  });

  it('receipts name every plugin at its package.json version', () => {
    const engine = createStandardEngine();
    const named = new Map<string, string>();
    for (const form of loadForms(schemasDir())) {
      const example = form.examples?.valid[0];
      const { receipt } = engine.validate(form, example?.data ?? {}, { today: example?.today ?? '2026-06-01' });
      for (const p of receipt.plugins) named.set(`${p.name}@${p.version}`, p.name);
    }
    // Every standard plugin is named by some form's receipt, so none is left unchecked.
    expect(new Set(named.values())).toEqual(new Set(standardPlugins().map((p) => p.name)));
    const wrong = [...named].filter(([ref, name]) => ref !== `${name}@${versions.get(name)}`).map(([ref]) => ref);
    expect(wrong).toEqual([]);
  });
});
