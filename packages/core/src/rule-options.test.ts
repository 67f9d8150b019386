import { describe, expect, it } from 'vitest';
import { checkRuleOptions, countOption, createRuleOptionsResolver, numberOption } from './rule-options.js';
import { listAtLeast, listAtMost, optionSchemaViolation } from './option-bounds.js';

describe('reading rule options', () => {
  it('numberOption takes any finite number, else the fallback', () => {
    expect(numberOption({ rate: 812.5 }, 'rate', 800)).toBe(812.5);
    expect(numberOption({ rate: -1 }, 'rate', 800)).toBe(-1);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '812', null, undefined])
      expect(numberOption({ rate: bad }, 'rate', 800)).toBe(800);
  });

  it('countOption takes non-negative integers only', () => {
    expect(countOption({ days: 0 }, 'days', 5)).toBe(0);
    expect(countOption({ days: 12 }, 'days', 5)).toBe(12);
    for (const bad of [-1, 2.5, '3', null, undefined]) expect(countOption({ days: bad }, 'days', 5)).toBe(5);
  });

  it('merges defaults, the form manifest, the form rule options and the tenant, the tenant last', () => {
    const resolve = createRuleOptionsResolver(
      [{ name: 'p', version: '^1.0.0', options: { 'X-01': { a: 2, b: 2 } } }],
      { 'X-01': { c: 4 } },
      { 'X-01': { b: 3, c: 3 } },
    );
    const specs = { a: { default: 1 }, b: { default: 1 }, c: { default: 1 }, d: { default: 1 } } as never;
    expect(resolve('X-01', specs)).toEqual({ a: 2, b: 3, c: 4, d: 1 });
    expect(resolve('X-02', specs)).toEqual({ a: 1, b: 1, c: 1, d: 1 });
  });
});

describe('checkRuleOptions', () => {
  const catalogue = [
    { id: 'E-01', severity: 'error' as const },
    { id: 'W-01', severity: 'warning' as const, options: { days: { description: { da: 'd', en: 'd' }, default: 5 } } },
  ];

  it('accepts known options and raising a warning', () => {
    expect(
      checkRuleOptions({ 'W-01': { severity: 'error', days: 7 }, 'E-01': { severity: 'error' } }, catalogue),
    ).toEqual([]);
  });

  it('refuses with a stable code, the option, and Danish and English texts', () => {
    const problems = checkRuleOptions(
      { 'E-01': { severity: 'warning' }, 'W-01': { severity: 'høj', dage: 3 }, 'X-99': {} },
      catalogue,
    );
    expect(problems.map((p) => [p.ruleId, p.option, p.code])).toEqual([
      ['E-01', 'severity', 'rule-option-lowered'],
      ['W-01', 'severity', 'rule-option-invalid-severity'],
      ['W-01', 'dage', 'rule-option-unknown-option'],
      ['X-99', undefined, 'rule-option-unknown-rule'],
    ]);
    expect(problems[0]!.messages).toEqual({
      da: 'E-01 er et lovkrav (fejl) og kan ikke sænkes til en advarsel.',
      en: 'E-01 is a legal requirement (error) and cannot be lowered to a warning',
    });
    expect(problems[2]!.messages).toEqual({
      da: 'W-01 har ingen indstilling, der hedder «dage».',
      en: 'W-01 has no option "dage"',
    });
    expect(problems[3]!.messages.da).toBe('Reglen X-99 findes ikke.');
    for (const p of problems) expect(p.message).toBe(p.messages.en);
  });
});

describe('legal bounds of rule options', () => {
  const legal = {
    id: 'E-02',
    severity: 'error' as const,
    source: '001 §5.2.2 «højst 8 måneder»',
    options: {
      maxMonths: { description: { da: 'm', en: 'm' }, default: 8, schema: { type: 'integer', minimum: 1, maximum: 8 } },
    },
  };

  it('refuses a value outside the schema, naming the rule, the option and the legal source in both languages', () => {
    const problems = checkRuleOptions({ 'E-02': { maxMonths: 240 } }, [legal]);
    expect(problems.map((p) => [p.ruleId, p.option, p.code])).toEqual([
      ['E-02', 'maxMonths', 'rule-option-out-of-bounds'],
    ]);
    for (const text of [problems[0]!.messages.da, problems[0]!.messages.en]) {
      expect(text).toContain('E-02');
      expect(text).toContain('maxMonths');
      expect(text).toContain('001 §5.2.2');
    }
    expect(checkRuleOptions({ 'E-02': { maxMonths: 6 } }, [legal])).toEqual([]);
  });

  it('resolving ignores a value outside the bounds, so configuration that got past the checks cannot switch the rule off', () => {
    const resolve = createRuleOptionsResolver(
      [{ name: 'p', version: '^1.0.0', options: { 'E-02': { maxMonths: 6 } } }],
      { 'E-02': { maxMonths: 240 } },
    );
    expect(resolve('E-02', legal.options)).toEqual({ maxMonths: 6 });
  });

  it('listAtLeast lets a list grow but never lose a member the law names; listAtMost only shrinks', () => {
    const atLeast = listAtLeast(['a'], ['a', 'b']);
    expect(optionSchemaViolation(atLeast, ['a', 'b'])).toBeUndefined();
    expect(optionSchemaViolation(atLeast, ['b'])).toBeDefined();
    expect(optionSchemaViolation(atLeast, [])).toBeDefined();
    expect(optionSchemaViolation(atLeast, ['c', 'a'])).toBeDefined();
    const atMost = listAtMost(['x', 'y']);
    expect(optionSchemaViolation(atMost, ['x'])).toBeUndefined();
    expect(optionSchemaViolation(atMost, ['x', 'z'])).toBeDefined();
  });
});
