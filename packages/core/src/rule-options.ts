import type { FormPluginReference } from './form.js';
import type { IssueSeverity, LocalizedText } from './issues.js';
import type { RuleOptionSpec } from './plugin.js';
import { optionSchemaViolation } from './option-bounds.js';

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
    for (const layer of [...manifestPlugins.map((ref) => ref.options?.[ruleId]), form?.[ruleId], tenant?.[ruleId]]) {
      for (const [name, value] of Object.entries(layer ?? {})) {
        // Configuration is checked where it enters; a value outside the option's (legal) bounds that
        // got past that anyway is ignored, so a rule is never switched off by its options.
        if (optionSchemaViolation(specs?.[name]?.schema, value) === undefined) merged[name] = value;
      }
    }
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
  /** The rule's seed source (e.g. `001 §5.1.3`), quoted when an option is outside its legal bounds. */
  source?: string;
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
  code:
    | 'rule-option-unknown-rule'
    | 'rule-option-invalid-severity'
    | 'rule-option-lowered'
    | 'rule-option-unknown-option'
    | 'rule-option-out-of-bounds';
  message: string;
  messages: LocalizedText;
}

function problem(
  ruleId: string,
  option: string | undefined,
  code: RuleOptionProblem['code'],
  messages: LocalizedText,
): RuleOptionProblem {
  return { ruleId, ...(option === undefined ? {} : { option }), code, message: messages.en, messages };
}

function outOfBounds(
  ruleId: string,
  option: string,
  spec: RuleOptionSpec,
  severity: IssueSeverity | undefined,
  ruleSource: string | undefined,
  violation: string,
): RuleOptionProblem {
  const source = spec.legalSource ?? ruleSource;
  const legal = severity === 'error';
  const da = legal
    ? `${ruleId}: indstillingen «${option}» ligger uden for de rammer, lovgrundlaget tillader – en kommune kan stramme reglen, ikke slå den fra${source ? ` (kilde: ${source})` : ''}. ${violation}.`
    : `${ruleId}: indstillingen «${option}» har en ugyldig værdi. ${violation}.`;
  const en = legal
    ? `${ruleId}: option "${option}" is outside the bounds its legal basis allows – a municipality may tighten the rule, not switch it off${source ? ` (source: ${source})` : ''}. ${violation}`
    : `${ruleId}: option "${option}" has an invalid value. ${violation}`;
  return problem(ruleId, option, 'rule-option-out-of-bounds', { da, en });
}

/**
 * Checks tenant rule options against the catalogue: unknown rules and options, attempts to
 * lower an error rule to a warning, and values outside an option's schema (for a legal rule: its
 * legal bounds) are refused (spec section 8).
 */
export function checkRuleOptions(options: RuleOptionsByRule, rules: readonly CatalogueEntry[]): RuleOptionProblem[] {
  // One id may have several definitions (an error and a warning part, or a rule and its deadline).
  const byId = new Map<
    string,
    { severity?: IssueSeverity; source?: string | undefined; options: Record<string, RuleOptionSpec> }
  >();
  for (const r of rules) {
    const entry = byId.get(r.id) ?? { options: {} };
    if (r.severity === 'error' || (r.severity && !entry.severity)) entry.severity = r.severity;
    entry.source ??= r.source;
    Object.assign(entry.options, r.options);
    byId.set(r.id, entry);
  }
  const problems: RuleOptionProblem[] = [];
  for (const [ruleId, values] of Object.entries(options)) {
    const rule = byId.get(ruleId);
    if (!rule) {
      problems.push(
        problem(ruleId, undefined, 'rule-option-unknown-rule', {
          da: `Reglen ${ruleId} findes ikke.`,
          en: `Unknown rule ${ruleId}`,
        }),
      );
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
        problems.push(
          problem(ruleId, key, 'rule-option-unknown-option', {
            da: `${ruleId} har ingen indstilling, der hedder «${key}».`,
            en: `${ruleId} has no option "${key}"`,
          }),
        );
      } else {
        const spec = rule.options[key];
        const violation = optionSchemaViolation(spec.schema, values[key]);
        if (violation !== undefined)
          problems.push(outOfBounds(ruleId, key, spec, rule.severity, rule.source, violation));
      }
    }
  }
  return problems;
}
