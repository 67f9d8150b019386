import type { FormPluginReference } from './form.js';
import type { IssueSeverity } from './issues.js';
import type { RuleOptionSpec } from './plugin.js';

/** Rule options by rule id, e.g. `{ "UND-07": { "severity": "error" } }`. */
export type RuleOptionsByRule = Record<string, Record<string, unknown>>;

/** Merges a rule's options: its defaults, the form's plugin options, the form's (or overlay's) rule options, the tenant's. */
export function createRuleOptionsResolver(
  manifestPlugins: readonly FormPluginReference[],
  tenant: RuleOptionsByRule | undefined,
  form?: RuleOptionsByRule,
): (ruleId: string, specs: Readonly<Record<string, RuleOptionSpec>> | undefined) => Record<string, unknown> {
  return (ruleId, specs) => {
    const merged: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(specs ?? {})) merged[name] = spec.default;
    for (const ref of manifestPlugins) Object.assign(merged, ref.options?.[ruleId]);
    Object.assign(merged, form?.[ruleId]);
    Object.assign(merged, tenant?.[ruleId]);
    return merged;
  };
}

/** A numeric rule option, or the fallback when it is missing or not a finite number. */
export function numberOption(options: Readonly<Record<string, unknown>>, name: string, fallback: number): number {
  const v = options[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A count option (days, months, ages): a non-negative integer, else the fallback. */
export function countOption(options: Readonly<Record<string, unknown>>, name: string, fallback: number): number {
  const v = options[name];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback;
}

/** What option checks need to know of a rule or deadline definition. */
export interface CatalogueEntry {
  id: string;
  severity?: IssueSeverity;
  options?: Readonly<Record<string, RuleOptionSpec>>;
}

export interface RuleOptionProblem {
  ruleId: string;
  message: string;
}

/**
 * Checks tenant rule options against the catalogue: unknown rules and attempts to lower
 * an error rule to a warning are refused (spec section 8).
 */
export function checkRuleOptions(
  options: RuleOptionsByRule,
  rules: readonly CatalogueEntry[],
): RuleOptionProblem[] {
  // One id may have several definitions (an error and a warning part, or a rule and its deadline).
  const byId = new Map<string, { severity?: IssueSeverity; options: Record<string, RuleOptionSpec> }>();
  for (const r of rules) {
    const entry = byId.get(r.id) ?? { options: {} };
    if (r.severity === 'error' || (r.severity && !entry.severity)) entry.severity = r.severity;
    Object.assign(entry.options, r.options);
    byId.set(r.id, entry);
  }
  const problems: RuleOptionProblem[] = [];
  for (const [ruleId, values] of Object.entries(options)) {
    const rule = byId.get(ruleId);
    if (!rule) {
      problems.push({ ruleId, message: `Unknown rule ${ruleId}` });
      continue;
    }
    for (const key of Object.keys(values)) {
      if (key === 'severity') {
        if (values.severity !== 'error' && values.severity !== 'warning') {
          problems.push({ ruleId, message: `severity must be "error" or "warning"` });
        } else if (rule.severity === 'error' && values.severity === 'warning') {
          problems.push({ ruleId, message: `${ruleId} is a legal requirement (error) and cannot be lowered to a warning` });
        }
      } else if (!rule.options[key]) {
        problems.push({ ruleId, message: `${ruleId} has no option "${key}"` });
      }
    }
  }
  return problems;
}
