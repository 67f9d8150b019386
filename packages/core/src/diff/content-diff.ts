import semver from 'semver';
import type { FormExample, FormPluginReference, FormVersion } from '../form.js';
import { canonicalJson } from '../hash.js';
import type { IssueSeverity } from '../issues.js';
import { diffRuleOptionValues } from './rule-options-diff.js';
import { escapeSegment, isSchemaObject, sameJson } from './schema-nodes.js';
import type { DiffOptions, SchemaChange } from './types.js';

type Defaults = ReadonlyMap<string, IssueSeverity | undefined> | undefined;

const MAX_LISTED = 8;

function list(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

/** JSON Pointers of the places where two JSON values differ (whole arrays when their length differs). */
export function jsonDifferences(a: unknown, b: unknown, at = ''): string[] {
  if (sameJson(a, b)) return [];
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((item, i) => jsonDifferences(item, b[i], `${at}/${i}`));
  }
  if (isSchemaObject(a) && isSchemaObject(b)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => jsonDifferences(a[k], b[k], `${at}/${escapeSegment(k)}`));
  }
  return [at || '/'];
}

function diffTexts(locale: 'da' | 'en', a: Record<string, string>, b: Record<string, string>): SchemaChange[] {
  const added = Object.keys(b).filter((k) => !(k in a));
  const removed = Object.keys(a).filter((k) => !(k in b));
  const changed = Object.keys(b).filter((k) => k in a && a[k] !== b[k]);
  const parts = [
    added.length ? `added ${list(added)}` : '',
    removed.length ? `removed ${list(removed)}` : '',
    changed.length ? `changed ${list(changed)}` : '',
  ].filter(Boolean);
  return parts.length ? [{ path: `i18n/${locale}.json`, kind: 'text-changed', level: 'patch', message: `texts ${parts.join('; ')}` }] : [];
}

function diffExamples(kind: 'valid' | 'invalid', a: FormExample[], b: FormExample[]): SchemaChange[] {
  const byName = (xs: FormExample[]) => new Map(xs.map((x) => [x.name, canonicalJson(x)]));
  const before = byName(a);
  const after = byName(b);
  const added = [...after.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k));
  const parts = [
    added.length ? `added ${list(added)}` : '',
    removed.length ? `removed ${list(removed)}` : '',
    changed.length ? `changed ${list(changed)}` : '',
  ].filter(Boolean);
  return parts.length ? [{ path: `examples/${kind}`, kind: 'example-changed', level: 'patch', message: `examples ${parts.join('; ')}` }] : [];
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
      changes.push({ path, kind: 'plugin-added', level: 'major', message: `plugin ${name} added: its rules and formats may refuse data that passed before` });
      continue;
    }
    if (old.version !== ref.version) {
      const breaking = majorOfRange(old.version) !== majorOfRange(ref.version);
      changes.push({
        path,
        kind: 'plugin-changed',
        level: breaking ? 'major' : 'patch',
        message: `plugin ${name} range ${old.version} → ${ref.version}${breaking ? ' (new major version of the plugin)' : ''}`,
      });
    }
    changes.push(...diffRuleOptionValues(old.options ?? {}, ref.options ?? {}, { path: `${path}/options`, kind: 'plugin-changed', defaults }));
  }
  for (const name of before.keys()) {
    if (!after.has(name)) changes.push({ path: `form.json#/plugins/${name}`, kind: 'plugin-removed', level: 'minor', message: `plugin ${name} removed: its rules no longer apply` });
  }
  return changes;
}

/** Everything except the schema: manifest texts, plugins and rule options, UI schema, texts and (unless left out) examples. */
export function diffContent(a: FormVersion, b: FormVersion, options: DiffOptions = {}, defaults?: Defaults): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const key of ['title', 'description', 'changelog', 'migration'] as const) {
    if (!sameJson(a.manifest[key], b.manifest[key])) {
      changes.push({ path: `form.json#/${key}`, kind: 'manifest-changed', level: 'patch', message: `${key} changed` });
    }
  }
  changes.push(...diffPlugins(a.manifest.plugins ?? [], b.manifest.plugins ?? [], defaults));
  changes.push(...diffRuleOptionValues(a.manifest.ruleOptions ?? {}, b.manifest.ruleOptions ?? {}, { path: 'form.json#/ruleOptions', kind: 'rule-option-changed', defaults }));
  const ui = jsonDifferences(a.uischema, b.uischema);
  if (ui.length) changes.push({ path: 'uischema.json', kind: 'uischema-changed', level: 'patch', message: `UI schema changed at ${list(ui)}` });
  changes.push(...diffTexts('da', a.i18n.da, b.i18n.da), ...diffTexts('en', a.i18n.en, b.i18n.en));
  if (options.examples !== false) {
    changes.push(...diffExamples('valid', a.examples?.valid ?? [], b.examples?.valid ?? []));
    changes.push(...diffExamples('invalid', a.examples?.invalid ?? [], b.examples?.invalid ?? []));
  }
  return changes;
}
