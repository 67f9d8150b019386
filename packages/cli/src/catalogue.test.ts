import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from './commands/rules.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
// The shared domain specification sits beside the repository.
const SPEC = fileURLToPath(new URL('../shared/domain/spec.md', `file://${REPO}`));

const MUST_FORMS: Record<string, string> = {
  HEN: 'henvendelsesskema',
  LOG: 'raadgivningslog',
  LEV: 'leveranceaftale',
  UND: 'underretning',
  EVA: 'evalueringsskema',
  IND: 'indsatsplan',
};

/** Every `[E]` rule of the six must-forms in the spec, e.g. `- **HEN-05 [E]** …` or `**LOG-06 [E] (d)**`. */
function specErrorRules(): Array<{ id: string; form: string }> {
  const text = readFileSync(SPEC, 'utf8');
  const ids = [...text.matchAll(/\*\*((HEN|LOG|LEV|UND|EVA|IND)-\d+) \[E\]/g)].map((m) => ({ id: m[1]!, form: MUST_FORMS[m[2]!]! }));
  return [...new Map(ids.map((r) => [r.id, r])).values()];
}

const SEVERITY = { E: 'error', W: 'warning', P: 'process' } as const;
/** Rule-id prefixes of the twelve forms (spec §3) and of the cross-cutting rules (§4). */
const FORM_PREFIXES = 'HEN|LOG|OPS|LEV|RAP|FOR|UND|EVA|TRV|IND|AFT|FRL';

/** Every rule of the spec with its default severity: `**FOR-02 [E]**`, `**UND-07 [W; …]**`. */
function specRules(prefixes: string): Array<{ id: string; severity: (typeof SEVERITY)[keyof typeof SEVERITY] }> {
  const text = readFileSync(SPEC, 'utf8');
  const found = [...text.matchAll(new RegExp(`\\*\\*((?:${prefixes})-\\d+) \\[([EWP])`, 'g'))].map((m) => ({ id: m[1]!, severity: SEVERITY[m[2] as 'E' | 'W' | 'P'] }));
  return [...new Map(found.map((r) => [r.id, r])).values()];
}

describe('rule catalogue (skema rules)', () => {
  it('has every rule of the twelve forms under its id, with the spec\'s default severity among its parts', () => {
    const catalogue = ruleCatalogue(fileURLToPath(new URL('plugins', `file://${REPO}`)));
    const rules = specRules(FORM_PREFIXES);
    expect(rules.length).toBe(114); // §3.1–3.12: 25 HEN, 8 LOG, 8 OPS, 19 LEV, 8 RAP, 7 FOR, 10 UND, 6 EVA, 2 TRV, 4 IND, 10 AFT, 7 FRL
    const wrong = rules
      .filter(({ id, severity }) => !catalogue.some((r) => r.id === id && r.severity === severity))
      .map(({ id, severity }) => `${id} [${severity}] → ${catalogue.filter((r) => r.id === id).map((r) => r.severity).join('+') || 'missing'}`);
    expect(wrong).toEqual([]);
    // And nothing in the catalogue that the spec does not name (§3 forms and §4 cross-cutting rules).
    const known = new Set(specRules(`${FORM_PREFIXES}|GEN|DP`).map((r) => r.id));
    expect(catalogue.map((r) => r.id).filter((id) => !known.has(id))).toEqual([]);
  });

  it('reads the error rules from the spec', () => {
    const rules = specErrorRules();
    // The spec's own numbers: a parsing mistake must not make the coverage test pass vacuously.
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['HEN-02', 'HEN-25', 'LOG-06', 'LEV-17', 'UND-10', 'EVA-05', 'IND-02']));
    expect(rules.map((r) => r.id)).not.toContain('UND-07');
    expect(rules.map((r) => r.id)).not.toContain('HEN-15');
    expect(rules.length).toBeGreaterThan(40);
  });

  it('covers every E rule of the six must-forms as an error rule of that form', () => {
    const catalogue = ruleCatalogue(fileURLToPath(new URL('plugins', `file://${REPO}`)));
    const missing = specErrorRules()
      .filter(({ id, form }) => !catalogue.some((r) => r.id === id && r.severity === 'error' && r.forms.includes(form)))
      .map(({ id, form }) => `${id} (${form})`);
    expect(missing, `E rules missing from the catalogue`).toEqual([]);
  });
});
