import {
  createCaseContext,
  describeJudgedDate,
  type DeadlineDefinition,
  type FormVersion,
  type JudgedDate,
  type RuleContext,
  type RuleDefinition,
} from '@skema/core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JUDGED_DATES_END, JUDGED_DATES_START, judgedDateTable } from './judged-date-table.js';
import { loadForms } from './load.js';
import { schemasDir } from './paths.js';
import { createStandardEngine } from './standard.js';

/*
 * Every rule that reads a date says which date it judges (issue #13, «The date a rule judges»).
 * Each rule and deadline of the standard plugins runs on every example of every form version it
 * applies to, with a context and data that record what it reads: the clock (`ctx.today`), the
 * submission's reference date (`ctx.referenceDate`, read by `judgedOn`) and any date in the data.
 * A rule that reads one must declare `judgedDate`, and what it reads must match the declaration.
 */

const forms = loadForms(schemasDir());
const engine = createStandardEngine();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Reads {
  today: boolean;
  reference: boolean;
  dataDate: boolean;
}

/** Data that records whether a date (an ISO date string) was read from it. */
function recording<T>(value: T, reads: Reads): T {
  if (typeof value !== 'object' || value === null) return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      const v: unknown = Reflect.get(target, key, receiver);
      if (typeof v === 'string' && ISO_DATE.test(v)) reads.dataDate = true;
      return typeof v === 'object' && v !== null ? recording(v, reads) : v;
    },
  });
}

function contextFor(
  form: FormVersion,
  id: string,
  options: RuleContext['options'],
  today: string,
  reads: Reads,
): RuleContext {
  const compiled = engine.compile(form);
  const base: Omit<RuleContext, 'today' | 'referenceDate'> = {
    locale: 'da',
    formId: form.manifest.id,
    version: form.manifest.version,
    mode: 'submitted',
    options,
    calendar: engine.calendarFor({}),
    label: compiled.label,
    case: createCaseContext(`case-${id}`, [], [], 'self'),
  };
  return Object.defineProperties({ ...base } as RuleContext, {
    today: { enumerable: true, get: () => ((reads.today = true), today) },
    referenceDate: { enumerable: true, get: () => ((reads.reference = true), today) },
  });
}

type Definition = RuleDefinition | DeadlineDefinition;

/** What the definition reads over all examples of the forms it applies to. */
function observe(def: Definition): { reads: Reads; runs: number } {
  const reads: Reads = { today: false, reference: false, dataDate: false };
  let runs = 0;
  for (const form of forms.filter((f) => def.appliesTo.includes(f.manifest.id))) {
    const defaults = Object.fromEntries(Object.entries(def.options ?? {}).map(([name, spec]) => [name, spec.default]));
    const options = { ...defaults, ...form.manifest.ruleOptions?.[def.id] };
    for (const example of [...(form.examples?.valid ?? []), ...(form.examples?.invalid ?? [])]) {
      const ctx = contextFor(form, def.id, options, example.today ?? '2026-06-01', reads);
      const data = recording(structuredClone(example.data), reads);
      try {
        if ('check' in def) def.check(data, ctx);
        else def.derive(data, ctx);
        runs++;
      } catch {
        // Examples that break a schema may not be readable by a rule; the others still count.
      }
    }
  }
  return { reads, runs };
}

/** The clock reads a declaration allows: `reference` reads `ctx.referenceDate`, `today` the clock, a field its fallback and `also`. */
function allows(judged: JudgedDate): { today: boolean; reference: boolean } {
  if (judged.kind === 'reference') return { today: false, reference: true };
  if (judged.kind === 'today') return { today: true, reference: false };
  const reads = [judged.fallback, judged.also];
  return { today: reads.includes('today'), reference: reads.includes('reference') };
}

const definitions = engine.catalogue().map(({ plugin, rule, kind }) => ({ plugin: plugin.name, def: rule, kind }));
const observed = new Map(definitions.map(({ def }) => [def, observe(def)]));

describe('the date a rule judges (judgedDate)', () => {
  it('the standard plugins have rules and deadlines that read dates, and the recording sees them', () => {
    const reading = definitions.filter(({ def }) => {
      const { reads } = observed.get(def)!;
      return reads.today || reads.reference || reads.dataDate;
    });
    expect(reading.length).toBeGreaterThan(20);
    // HEN-05 judges age on the reference date: the recording must see that read.
    const hen05 = definitions.find(({ def }) => def.id === 'HEN-05' && 'check' in def)!;
    expect(observed.get(hen05.def)!.reads.reference).toBe(true);
  });

  it('every deadline declares the date it counts from', () => {
    const missing = definitions
      .filter(({ kind, def }) => kind === 'deadline' && !def.judgedDate)
      .map(({ plugin, def }) => `${def.id} (${plugin})`);
    expect(missing).toEqual([]);
  });

  it('every rule that reads the clock or the reference date (ages, deadlines, by-now questions) declares judgedDate', () => {
    const missing = definitions
      .filter(({ def }) => {
        const { reads } = observed.get(def)!;
        return (reads.today || reads.reference) && !def.judgedDate;
      })
      .map(({ plugin, def }) => {
        const { reads } = observed.get(def)!;
        return `${def.id} (${plugin}) reads ${Object.entries(reads)
          .filter(([, v]) => v)
          .map(([k]) => k)
          .join(', ')}`;
      });
    expect(missing).toEqual([]);
  });

  it('a rule reads only the dates its declaration names (age from the CPR on the reference date, by-now questions on today)', () => {
    const wrong = definitions
      .filter(({ def }) => def.judgedDate)
      .filter(({ def }) => {
        const { reads } = observed.get(def)!;
        const allowed = allows(def.judgedDate!);
        return (reads.today && !allowed.today) || (reads.reference && !allowed.reference);
      })
      .map(
        ({ def }) =>
          `${def.id}: declares ${JSON.stringify(def.judgedDate)}, reads ${JSON.stringify(observed.get(def)!.reads)}`,
      );
    expect(wrong).toEqual([]);
  });

  it('a declared field is a date field of a form the rule applies to', () => {
    const wrong: string[] = [];
    for (const { def } of definitions) {
      const judged = def.judgedDate;
      if (judged?.kind !== 'field') continue;
      expect(judged.pointer, def.id).toMatch(/^\//);
      const found = forms
        .filter((f) => def.appliesTo.includes(f.manifest.id))
        .some((f) =>
          JSON.stringify(f.schema).includes(
            `"${judged.pointer
              .split('/')
              .filter((t) => t !== '*')
              .pop()}"`,
          ),
        );
      if (!found) wrong.push(`${def.id}: ${judged.pointer}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the catalogue describes each declaration in Danish and English', () => {
    for (const { def } of definitions.filter(({ def }) => def.judgedDate)) {
      const text = describeJudgedDate(def.judgedDate!);
      expect(text.da.length, def.id).toBeGreaterThan(5);
      expect(text.en.length, def.id).toBeGreaterThan(5);
    }
  });
});

describe('the plugin READMEs say which date each rule judges', () => {
  const plugins = ['viso', 'trivsel', 'ringsted', 'familieraadslagning'] as const;
  for (const dir of plugins) {
    it(`plugins/${dir}/README.md has the table of judged dates generated from the rules`, () => {
      const readme = readFileSync(fileURLToPath(new URL(`../../../plugins/${dir}/README.md`, import.meta.url)), 'utf8');
      const name = `@skema/plugin-${dir}`;
      const start = readme.indexOf(JUDGED_DATES_START);
      const end = readme.indexOf(JUDGED_DATES_END);
      expect(start, `${dir}: run \`node packages/forms/scripts/judged-dates.mjs\``).toBeGreaterThanOrEqual(0);
      expect(readme.slice(start, end + JUDGED_DATES_END.length)).toBe(judgedDateTable(engine, name));
    });
  }
});
