import type { IssueSeverity } from '../issues.js';
import type { CatalogueEntry, RuleOptionsByRule } from '../rule-options.js';
import { sameJson } from './schema-nodes.js';
import { ruleOptionTexts, schemaChange } from './change-texts.js';
import type { ChangeKind, SchemaChange } from './types.js';

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
  at: { path: string; kind: ChangeKind; defaults?: ReadonlyMap<string, IssueSeverity | undefined> | undefined },
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
      const texts = ruleOptionTexts(ruleId, key, a[key], b[key]);
      if (key === 'severity') {
        if (severityAfter === 'error' && severityBefore !== 'error')
          changes.push(schemaChange(path, kind, 'major', texts.raisedToError));
        else if (severityBefore === 'error' && severityAfter !== 'error')
          changes.push(schemaChange(path, kind, 'minor', texts.lowered(severityAfter)));
        else changes.push(schemaChange(path, kind, 'patch', texts.severity));
      } else if (severityAfter === 'warning' || isDeadline) {
        changes.push(schemaChange(path, kind, 'patch', texts.harmless));
      } else {
        changes.push(schemaChange(path, kind, 'major', texts.stricter));
      }
    }
  }
  return changes;
}
