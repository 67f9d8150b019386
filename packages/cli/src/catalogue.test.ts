import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue, rulesCommand, uncheckedSpecRules } from './commands/rules.js';
import { SPEC_SEVERITY, severitiesOf, specRules } from './spec-rules.js';
import { captureIo } from './test-helpers.js';

// The specification's rules live in spec-rules.json (generated from the domain specification by
// scripts/spec-rules.mjs), so these tests need nothing outside the repository.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const catalogue = ruleCatalogue(fileURLToPath(new URL('plugins', `file://${REPO}`)));

const MUST_FORMS: Record<string, string> = {
  HEN: 'henvendelsesskema',
  LOG: 'raadgivningslog',
  LEV: 'leveranceaftale',
  UND: 'underretning',
  EVA: 'evalueringsskema',
  IND: 'indsatsplan',
};

describe("the specification's rules (spec-rules.json)", () => {
  it('lists every rule of the twelve forms and the cross-cutting rules once, with section and severity', () => {
    const count = (prefix: string) => specRules.filter((r) => r.id.startsWith(`${prefix}-`)).length;
    // The spec's own numbers: §3.1–3.12 and §4, so a lost line cannot go unnoticed.
    const counts = {
      HEN: 25,
      LOG: 8,
      OPS: 8,
      LEV: 19,
      RAP: 8,
      FOR: 7,
      UND: 10,
      EVA: 6,
      TRV: 2,
      IND: 4,
      AFT: 10,
      FRL: 7,
      GEN: 5,
      DP: 11,
    };
    expect(Object.fromEntries(Object.keys(counts).map((p) => [p, count(p)]))).toEqual(counts);
    expect(new Set(specRules.map((r) => r.id)).size).toBe(specRules.length);
    for (const r of specRules) {
      expect(r.section, r.id).toMatch(/^[34]\.\d+$/);
      expect(['E', 'W', 'P'], r.id).toContain(r.severity);
      if (r.parts) expect(r.parts, r.id).toContain(r.severity);
    }
    expect(specRules.find((r) => r.id === 'UND-07')).toMatchObject({ severity: 'W', tenantMayRaise: 'E' });
    expect(specRules.find((r) => r.id === 'LEV-08')?.parts).toEqual(['E', 'W']);
  });
});

describe('rule catalogue (skema rules)', () => {
  it('has every plugin rule in the specification, with a severity the specification gives it', () => {
    const byId = new Map(specRules.map((r) => [r.id, r]));
    const wrong = catalogue
      .filter((entry) => {
        const rule = byId.get(entry.id);
        return !rule || !severitiesOf(rule).includes(entry.severity);
      })
      .map(
        (entry) =>
          `${entry.id} [${entry.severity}] (${entry.plugin}) → spec: ${byId.get(entry.id) ? severitiesOf(byId.get(entry.id)!).join('+') : 'not named'}`,
      );
    expect(wrong).toEqual([]);
  });

  it('implements every rule of the specification at its default severity, or records why not (da and en)', () => {
    const wrong = specRules
      .filter((rule) => {
        const implemented = catalogue.some(
          (entry) => entry.id === rule.id && entry.severity === SPEC_SEVERITY[rule.severity],
        );
        const reason = rule.notCheckedBecause;
        return !implemented && !(reason?.da.trim() && reason.en.trim());
      })
      .map(
        (rule) =>
          `${rule.id} [${rule.severity}] → ${
            catalogue
              .filter((e) => e.id === rule.id)
              .map((e) => e.severity)
              .join('+') || 'missing, no notCheckedBecause'
          }`,
      );
    expect(wrong).toEqual([]);
  });

  it('covers every E rule of the six must-forms as an error rule of that form', () => {
    const mustRules = specRules.filter((r) => r.severity === 'E' && MUST_FORMS[r.id.split('-')[0]!]);
    expect(mustRules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['HEN-02', 'HEN-25', 'LOG-06', 'LEV-17', 'UND-10', 'EVA-05', 'IND-02']),
    );
    expect(mustRules.length).toBeGreaterThan(40);
    const missing = mustRules
      .map((r) => ({ id: r.id, form: MUST_FORMS[r.id.split('-')[0]!]! }))
      .filter(({ id, form }) => !catalogue.some((r) => r.id === id && r.severity === 'error' && r.forms.includes(form)))
      .map(({ id, form }) => `${id} (${form})`);
    expect(missing, 'E rules missing from the catalogue').toEqual([]);
  });

  it('skema rules names the specified rules no plugin checks, each with its reason in the chosen language', async () => {
    expect(uncheckedSpecRules(catalogue.filter((e) => e.id !== 'HEN-01')).map((r) => r.id)).toContain('HEN-01');
    const unchecked = uncheckedSpecRules(catalogue);
    for (const locale of ['da', 'en'] as const) {
      const io = captureIo();
      await rulesCommand.run(['--locale', locale], io);
      for (const rule of unchecked)
        expect(io.text()).toContain(
          `${rule.id.padEnd(8)} ${SPEC_SEVERITY[rule.severity].padEnd(8)} §${rule.section.padEnd(5)} ${rule.notCheckedBecause![locale]}`,
        );
    }
  });
});

describe('the date a rule judges in the catalogue (skema rules)', () => {
  it('HEN-05 judges the reference date, LOG-03 today and UND-05 the date it was sent, in both languages', async () => {
    expect(catalogue.find((r) => r.id === 'HEN-05')?.judgedDate).toMatchObject({ kind: 'reference' });
    expect(catalogue.find((r) => r.id === 'LOG-03')?.judgedDate).toMatchObject({ kind: 'today' });
    expect(catalogue.find((r) => r.id === 'UND-05')?.judgedDate).toMatchObject({
      kind: 'field',
      pointer: '/sendtDato',
    });
    for (const [locale, text] of [
      ['da', 'bedømmer: referencedatoen'],
      ['en', 'judges: the reference date'],
    ] as const) {
      const io = captureIo();
      await rulesCommand.run(['--locale', locale], io);
      const lines = io.text().split('\n');
      const hen05 = lines.findIndex((l) => l.trim().startsWith('HEN-05 '));
      expect(lines.slice(hen05, hen05 + 4).join('\n')).toContain(text);
    }
  });
});
