import type { IssueSeverity } from '../issues.js';
import type { CatalogueEntry, RuleOptionsByRule } from '../rule-options.js';
import { sameJson, show } from './schema-nodes.js';
import type { ChangeKind, SchemaChange } from './types.js';

/** A value for a message; a missing option falls back to the rule's default. */
const shown = (value: unknown): string => (value === undefined ? '(default)' : show(value));

/**
 * Default severities by rule id from a catalogue: `error` when any definition with the id is an
 * error, `warning` when one is a warning, `undefined` for a deadline (it never refuses data).
 */
export function defaultSeverities(catalogue: readonly CatalogueEntry[]): Map<string, IssueSeverity | undefined> {
  const byId = new Map<string, IssueSeverity | undefined>();
  for (const { id, severity } of catalogue) {
    const known = byId.get(id);
    byId.set(id, known === 'error' || severity === 'error' ? 'error' : (severity ?? known));
  }
  return byId;
}

/**
 * Classifies changed rule options by whether they can refuse data that passed before. Severity:
 * a rule that becomes an error is major, an error that becomes a warning minor, anything else
 * patch (with a catalogue, an explicit severity equal to the rule's default changes nothing).
 * Any other option's direction is the rule's own business (a threshold may go either way), so
 * its change is major unless the rule cannot refuse data afterwards: it is a warning then, or
 * (with a catalogue) a deadline.
 */
export function diffRuleOptionValues(
  before: RuleOptionsByRule,
  after: RuleOptionsByRule,
  at: { path: string; kind: ChangeKind; defaults?: ReadonlyMap<string, IssueSeverity | undefined> },
): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const { kind, defaults } = at;
  for (const ruleId of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[ruleId] ?? {};
    const b = after[ruleId] ?? {};
    const severityBefore = a.severity ?? defaults?.get(ruleId);
    const severityAfter = b.severity ?? defaults?.get(ruleId);
    const isDeadline = defaults?.has(ruleId) === true && defaults.get(ruleId) === undefined;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (sameJson(a[key], b[key])) continue;
      const path = `${at.path}/${ruleId}/${key}`;
      const change = `${shown(a[key])} → ${shown(b[key])}`;
      if (key === 'severity') {
        if (severityAfter === 'error' && severityBefore !== 'error') {
          changes.push({ path, kind, level: 'major', message: `${ruleId} severity ${change}: raised to an error, it may refuse data that passed before` });
        } else if (severityBefore === 'error' && severityAfter !== 'error') {
          changes.push({ path, kind, level: 'minor', message: `${ruleId} lowered from error to ${shown(severityAfter)}` });
        } else {
          changes.push({ path, kind, level: 'patch', message: `${ruleId} severity ${change}` });
        }
      } else if (severityAfter === 'warning' || isDeadline) {
        changes.push({ path, kind, level: 'patch', message: `${ruleId} option ${key} ${change}; the rule cannot refuse data` });
      } else {
        changes.push({ path, kind, level: 'major', message: `${ruleId} option ${key} ${change}; a rule option may make the rule stricter` });
      }
    }
  }
  return changes;
}
