import semver from 'semver';
import type { FormExample, FormPluginReference, FormVersion } from '../form.js';
import { canonicalJson } from '../hash.js';
import { escapeSegment, isSchemaObject, sameJson, show } from './schema-nodes.js';
import type { SchemaChange } from './types.js';

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

/** Rule options by rule id: severity changes have a direction; other options are treated as stricter. */
function diffRuleOptions(name: string, a: FormPluginReference, b: FormPluginReference): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const optsA = a.options ?? {};
  const optsB = b.options ?? {};
  for (const ruleId of new Set([...Object.keys(optsA), ...Object.keys(optsB)])) {
    const before = optsA[ruleId] ?? {};
    const after = optsB[ruleId] ?? {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (sameJson(before[key], after[key])) continue;
      const path = `form.json#/plugins/${name}/options/${ruleId}/${key}`;
      if (key === 'severity' && after[key] !== 'error' && before[key] === 'error') {
        changes.push({ path, kind: 'plugin-changed', level: 'minor', message: `${ruleId} lowered from error to ${show(after[key])}` });
      } else if (key === 'severity') {
        changes.push({ path, kind: 'plugin-changed', level: after[key] === 'error' ? 'major' : 'patch', message: `${ruleId} severity ${show(before[key])} → ${show(after[key])}` });
      } else {
        changes.push({
          path,
          kind: 'plugin-changed',
          level: 'major',
          message: `${ruleId} option ${key} ${show(before[key])} → ${show(after[key])}; a rule option may make the rule stricter`,
        });
      }
    }
  }
  return changes;
}

function diffPlugins(a: FormPluginReference[], b: FormPluginReference[]): SchemaChange[] {
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
    changes.push(...diffRuleOptions(name, old, ref));
  }
  for (const name of before.keys()) {
    if (!after.has(name)) changes.push({ path: `form.json#/plugins/${name}`, kind: 'plugin-removed', level: 'minor', message: `plugin ${name} removed: its rules no longer apply` });
  }
  return changes;
}

/** Everything except the schema: manifest texts and plugins, UI schema, texts and examples. */
export function diffContent(a: FormVersion, b: FormVersion): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const key of ['title', 'description', 'changelog', 'migration'] as const) {
    if (!sameJson(a.manifest[key], b.manifest[key])) {
      changes.push({ path: `form.json#/${key}`, kind: 'manifest-changed', level: 'patch', message: `${key} changed` });
    }
  }
  changes.push(...diffPlugins(a.manifest.plugins ?? [], b.manifest.plugins ?? []));
  const ui = jsonDifferences(a.uischema, b.uischema);
  if (ui.length) changes.push({ path: 'uischema.json', kind: 'uischema-changed', level: 'patch', message: `UI schema changed at ${list(ui)}` });
  changes.push(...diffTexts('da', a.i18n.da, b.i18n.da), ...diffTexts('en', a.i18n.en, b.i18n.en));
  changes.push(...diffExamples('valid', a.examples?.valid ?? [], b.examples?.valid ?? []));
  changes.push(...diffExamples('invalid', a.examples?.invalid ?? [], b.examples?.invalid ?? []));
  return changes;
}
