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

describe('rule catalogue (skema rules)', () => {
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
