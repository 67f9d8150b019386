import semver from 'semver';
import type { FormExample, FormPluginReference, FormVersion } from '../form.js';
import { canonicalJson } from '../hash.js';
import type { IssueSeverity } from '../issues.js';
import { CONTENT, entryChanges, listed, schemaChange } from './change-texts.js';
import { diffRuleOptionValues } from './rule-options-diff.js';
import { escapeSegment, isSchemaObject, sameJson } from './schema-nodes.js';
import type { DiffOptions, SchemaChange } from './types.js';

type Defaults = ReadonlyMap<string, IssueSeverity | undefined> | undefined;

/** JSON Pointers of the places where two JSON values differ (whole arrays when their length differs). */
export function jsonDifferences(a: unknown, b: unknown, at = ''): string[] {
  if (sameJson(a, b)) return [];
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((item, i) => jsonDifferences(item, b[i], `${at}/${i}`));
  }
  if (isSchemaObject(a) && isSchemaObject(b)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) =>
      jsonDifferences(a[k], b[k], `${at}/${escapeSegment(k)}`),
    );
  }
  return [at || '/'];
}

function diffTexts(locale: 'da' | 'en', a: Record<string, string>, b: Record<string, string>): SchemaChange[] {
  const added = Object.keys(b).filter((k) => !(k in a));
  const removed = Object.keys(a).filter((k) => !(k in b));
  const changed = Object.keys(b).filter((k) => k in a && a[k] !== b[k]);
  const messages = entryChanges(CONTENT.texts, added, removed, changed);
  return messages ? [schemaChange(`i18n/${locale}.json`, 'text-changed', 'patch', messages)] : [];
}

function diffExamples(kind: 'valid' | 'invalid', a: FormExample[], b: FormExample[]): SchemaChange[] {
  const byName = (xs: FormExample[]) => new Map(xs.map((x) => [x.name, canonicalJson(x)]));
  const before = byName(a);
  const after = byName(b);
  const added = [...after.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k));
  const messages = entryChanges(CONTENT.examples, added, removed, changed);
  return messages ? [schemaChange(`examples/${kind}`, 'example-changed', 'patch', messages)] : [];
}

function majorOfRange(range: string): number | undefined {
  try {
    return semver.minVersion(range)?.major;
  } catch {
    return undefined;
  }
}

function diffPlugins(a: FormPluginReference[], b: FormPluginReference[], defaults: Defaults): SchemaChange[] {
  const before = new Map(a.map((p) => [p.name, p]));
  const after = new Map(b.map((p) => [p.name, p]));
  const changes: SchemaChange[] = [];
  for (const [name, ref] of after) {
    const old = before.get(name);
    const path = `form.json#/plugins/${name}`;
    if (!old) {
      changes.push(schemaChange(path, 'plugin-added', 'major', CONTENT.pluginAdded(name)));
      continue;
    }
    if (old.version !== ref.version) {
      const breaking = majorOfRange(old.version) !== majorOfRange(ref.version);
      changes.push(
        schemaChange(
          path,
          'plugin-changed',
          breaking ? 'major' : 'patch',
          CONTENT.pluginRange(name, old.version, ref.version, breaking),
        ),
      );
    }
    changes.push(
      ...diffRuleOptionValues(old.options ?? {}, ref.options ?? {}, {
        path: `${path}/options`,
        kind: 'plugin-changed',
        defaults,
      }),
    );
  }
  for (const name of before.keys()) {
    if (!after.has(name))
      changes.push(schemaChange(`form.json#/plugins/${name}`, 'plugin-removed', 'minor', CONTENT.pluginRemoved(name)));
  }
  return changes;
}

/** Everything except the schema: manifest texts, plugins and rule options, UI schema, texts and (unless left out) examples. */
export function diffContent(
  a: FormVersion,
  b: FormVersion,
  options: DiffOptions = {},
  defaults?: Defaults,
): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const key of ['title', 'description', 'changelog', 'migration'] as const) {
    if (!sameJson(a.manifest[key], b.manifest[key])) {
      changes.push(schemaChange(`form.json#/${key}`, 'manifest-changed', 'patch', CONTENT.manifest(key)));
    }
  }
  changes.push(...diffPlugins(a.manifest.plugins ?? [], b.manifest.plugins ?? [], defaults));
  changes.push(
    ...diffRuleOptionValues(a.manifest.ruleOptions ?? {}, b.manifest.ruleOptions ?? {}, {
      path: 'form.json#/ruleOptions',
      kind: 'rule-option-changed',
      defaults,
    }),
  );
  const ui = jsonDifferences(a.uischema, b.uischema);
  if (ui.length) changes.push(schemaChange('uischema.json', 'uischema-changed', 'patch', CONTENT.uischema(listed(ui))));
  changes.push(...diffTexts('da', a.i18n.da, b.i18n.da), ...diffTexts('en', a.i18n.en, b.i18n.en));
  if (options.examples !== false) {
    changes.push(...diffExamples('valid', a.examples?.valid ?? [], b.examples?.valid ?? []));
    changes.push(...diffExamples('invalid', a.examples?.invalid ?? [], b.examples?.invalid ?? []));
  }
  return changes;
}
