import { checkRuleOptions, type CatalogueEntry, type RuleDefinition } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { loadForms } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine } from './standard.js';

/*
 * Tenants narrow rules, never switch legal ones off. Attacked the way a municipality's
 * configuration could: for every error rule with options, values are drawn from each option's
 * schema (its boundaries and just past them, extremes, flipped booleans, enum members, lists with
 * members left out or added) and every value the configuration check accepts must keep the rule
 * firing on each of its own invalid examples (the examples whose expect.codes name it).
 */

const forms = loadForms(schemasDir());
const engine = createStandardEngine();
const catalogue = engine.catalogue().map(({ rule }) => rule as CatalogueEntry);
const legalRules = engine
  .catalogue()
  .filter(
    ({ kind, rule }) =>
      kind === 'rule' && (rule as RuleDefinition).severity === 'error' && Object.keys(rule.options ?? {}).length > 0,
  )
  .map(({ rule }) => rule as RuleDefinition);

type Json = Record<string, unknown>;
const GENERIC: unknown[] = [true, false, null, 0, -1, 1, 0.5, 2, 100, 1e9, -1e9, 1e15, '', 'x', [], ['x'], {}];

/** Candidate values an attacker would try, drawn from the option's schema and default. */
function candidates(schema: Json | undefined, fallback: unknown): unknown[] {
  const out: unknown[] = [...GENERIC, fallback];
  const s = schema ?? {};
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const bound = s[key];
    if (typeof bound === 'number') out.push(bound, bound - 1, bound + 1, bound - 0.001, bound + 0.001);
  }
  if (typeof fallback === 'number') out.push(fallback - 1, fallback + 1, fallback * 2, fallback / 2, fallback * 1000);
  if ('const' in s) out.push(s.const);
  if (Array.isArray(s.enum)) out.push(...s.enum);
  const items = s.items as Json | undefined;
  const members = [
    ...(Array.isArray(items?.enum) ? (items.enum as unknown[]) : []),
    ...(Array.isArray(fallback) ? fallback : []),
  ];
  if (members.length) {
    out.push(members, ...members.map((m) => [m]));
    if (Array.isArray(fallback)) {
      out.push(...fallback.map((_, i) => fallback.filter((__, k) => k !== i)));
      out.push(...members.map((m) => [...new Set([...fallback, m])]));
    }
  }
  return out;
}

const invalidExamplesNaming = (ruleId: string) =>
  forms.flatMap((form) =>
    (form.examples?.invalid ?? [])
      .filter((e) => e.expect?.codes?.includes(ruleId))
      .map((example) => ({ form, example })),
  );

const fires = (
  ruleId: string,
  option: string,
  value: unknown,
  form: (typeof forms)[number],
  data: unknown,
  today: string | undefined,
) =>
  engine
    .validate(form, data, { today: today ?? '2026-06-01', ruleOptions: { [ruleId]: { [option]: value } } })
    .errors.some((e) => e.code === ruleId);

describe('legal rule options cannot switch a legal rule off', () => {
  it('there are legal rules with options to attack', () => {
    expect(legalRules.map((r) => r.id)).toEqual(expect.arrayContaining(['HEN-05', 'LEV-07', 'LEV-12']));
  });

  for (const rule of legalRules) {
    const examples = invalidExamplesNaming(rule.id);
    it(`${rule.id}: every option value the configuration check accepts keeps the rule firing on its invalid examples`, () => {
      expect(examples.length, `${rule.id} needs invalid examples naming it`).toBeGreaterThan(0);
      const silencing: string[] = [];
      for (const [option, spec] of Object.entries(rule.options ?? {})) {
        for (const value of candidates(spec.schema, spec.default)) {
          if (checkRuleOptions({ [rule.id]: { [option]: value } }, catalogue).length) continue;
          for (const { form, example } of examples) {
            if (!fires(rule.id, option, value, form, example.data, example.today)) {
              silencing.push(
                `${option}=${JSON.stringify(value)} silences ${form.manifest.id}@${form.manifest.version}/${example.name}`,
              );
            }
          }
        }
      }
      expect(silencing).toEqual([]);
    });

    it(`${rule.id}: a refused value that reaches validation anyway is ignored, so the rule still fires`, () => {
      for (const [option, spec] of Object.entries(rule.options ?? {})) {
        for (const value of candidates(spec.schema, spec.default)) {
          if (!checkRuleOptions({ [rule.id]: { [option]: value } }, catalogue).length) continue;
          for (const { form, example } of examples)
            expect(
              fires(rule.id, option, value, form, example.data, example.today),
              `${option}=${JSON.stringify(value)}`,
            ).toBe(true);
        }
      }
    });
  }

  it('HEN-05: the documented attack {youthConsentAge: 18, youthSupplementsParents: false} is refused, naming rule, option and source', () => {
    const problems = checkRuleOptions({ 'HEN-05': { youthConsentAge: 18, youthSupplementsParents: false } }, catalogue);
    expect(problems.map((p) => [p.option, p.code])).toEqual([
      ['youthConsentAge', 'rule-option-unknown-option'],
      ['youthSupplementsParents', 'rule-option-out-of-bounds'],
    ]);
    expect(problems[1]!.messages.da).toMatch(/HEN-05.*youthSupplementsParents.*kilde: spec §8 Q5/);
    expect(problems[1]!.messages.en).toMatch(/HEN-05.*youthSupplementsParents.*source: spec §8 Q5/);
  });

  it('LEV-07: the højpris threshold cannot be raised past the placeholder, nor the hourly rate lowered under it', () => {
    expect(checkRuleOptions({ 'LEV-07': { thresholdDkk: 100001 } }, catalogue).map((p) => p.code)).toEqual([
      'rule-option-out-of-bounds',
    ]);
    expect(checkRuleOptions({ 'LEV-07': { hourlyRateDkk: 1 } }, catalogue).map((p) => p.code)).toEqual([
      'rule-option-out-of-bounds',
    ]);
    expect(
      checkRuleOptions({ 'LEV-07': { thresholdDkk: 40000, hourlyRateDkk: 1200, thresholdHours: 50 } }, catalogue),
    ).toEqual([]);
  });
});
