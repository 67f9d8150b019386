import type { FormPluginReference } from './form.js';
import type { IssueSeverity, LocalizedText } from './issues.js';
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

/**
 * A refused rule option. `message` is always the English text (for logs and the CLI); a user
 * interface picks `messages[locale]`.
 */
export interface RuleOptionProblem {
  ruleId: string;
  /** The option refused, when the problem is with one option rather than the rule id. */
  option?: string;
  /** Stable code; clients branch on it, never on the text. */
  code: 'rule-option-unknown-rule' | 'rule-option-invalid-severity' | 'rule-option-lowered' | 'rule-option-unknown-option';
  message: string;
  messages: LocalizedText;
}

function problem(ruleId: string, option: string | undefined, code: RuleOptionProblem['code'], messages: LocalizedText): RuleOptionProblem {
  return { ruleId, ...(option === undefined ? {} : { option }), code, message: messages.en, messages };
}

/**
 * Checks tenant rule options against the catalogue: unknown rules and options, and attempts to
 * lower an error rule to a warning, are refused (spec section 8).
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
      problems.push(problem(ruleId, undefined, 'rule-option-unknown-rule', { da: `Reglen ${ruleId} findes ikke.`, en: `Unknown rule ${ruleId}` }));
      continue;
    }
    for (const key of Object.keys(values)) {
      if (key === 'severity') {
        if (values.severity !== 'error' && values.severity !== 'warning') {
          problems.push(
            problem(ruleId, key, 'rule-option-invalid-severity', {
              da: `Alvorligheden (severity) for ${ruleId} skal være «error» (fejl) eller «warning» (advarsel).`,
              en: `severity must be "error" or "warning"`,
            }),
          );
        } else if (rule.severity === 'error' && values.severity === 'warning') {
          problems.push(
            problem(ruleId, key, 'rule-option-lowered', {
              da: `${ruleId} er et lovkrav (fejl) og kan ikke sænkes til en advarsel.`,
              en: `${ruleId} is a legal requirement (error) and cannot be lowered to a warning`,
            }),
          );
        }
      } else if (!rule.options[key]) {
        problems.push(problem(ruleId, key, 'rule-option-unknown-option', { da: `${ruleId} har ingen indstilling, der hedder «${key}».`, en: `${ruleId} has no option "${key}"` }));
      }
    }
  }
  return problems;
}
