import { dirname, join, resolve } from 'node:path';
import { describeJudgedDate, type JudgedDate } from '@skema/core';
import { createStandardEngine, schemasDir } from '@skema/forms';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT_OK, type Command } from '../io.js';
import { testedRuleIds } from '../rule-tests.js';
import { SPEC_SEVERITY, specRules, type SpecRule } from '../spec-rules.js';

const usage = 'skema rules [--json] [--plugins DIR] [--locale da|en]';

export interface CatalogueEntry {
  id: string;
  kind: 'rule' | 'deadline';
  severity: 'error' | 'warning' | 'process';
  forms: string[];
  plugin: string;
  source: string;
  description: { da: string; en: string };
  options: Array<{ name: string; default: unknown; description: string }>;
  hasTests: boolean;
  /** Which date the rule judges (`RuleDefinition.judgedDate`) and its description; absent for a rule that reads no date. */
  judgedDate?: JudgedDate & { description: { da: string; en: string } };
}

/** Every rule and deadline of the standard plugins, sorted by id. */
export function ruleCatalogue(pluginsDir: string): CatalogueEntry[] {
  const tested = testedRuleIds(pluginsDir);
  return createStandardEngine()
    .catalogue()
    .map(({ plugin, rule, kind }) => ({
      id: rule.id,
      kind,
      severity: kind === 'deadline' ? ('process' as const) : (rule as { severity: 'error' | 'warning' }).severity,
      forms: [...rule.appliesTo],
      plugin: `${plugin.name}@${plugin.version}`,
      source: rule.source,
      description: rule.description,
      options: Object.entries(rule.options ?? {}).map(([name, spec]) => ({
        name,
        default: spec.default,
        description: spec.description.en,
      })),
      hasTests: tested.has(rule.id),
      ...(rule.judgedDate
        ? { judgedDate: { ...rule.judgedDate, description: describeJudgedDate(rule.judgedDate) } }
        : {}),
    }))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }) || a.kind.localeCompare(b.kind));
}

/** The specification's rules that no plugin implements, with the reason recorded in spec-rules.json. */
export function uncheckedSpecRules(catalogue: readonly CatalogueEntry[]): SpecRule[] {
  const implemented = new Set(catalogue.map((r) => r.id));
  return specRules.filter((r) => !implemented.has(r.id));
}

export const rulesCommand: Command = {
  name: 'rules',
  usage,
  options: [
    '--json         print the catalogue as JSON',
    "--plugins DIR  where to look for rule tests (default: the repository's plugins/)",
    "--locale da|en language of the rules' descriptions and of the reasons a specified rule is not checked (default da)",
  ],
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, plugins: { type: 'string' }, locale: { type: 'string' } },
      usage,
    );
    const locale = values.locale ?? 'da';
    if (locale !== 'da' && locale !== 'en') throw new CliError(`--locale must be "da" or "en", not "${locale}"`);
    const pluginsDir = values.plugins ? resolve(values.plugins) : join(dirname(schemasDir()), 'plugins');
    const catalogue = ruleCatalogue(pluginsDir);
    if (values.json) {
      io.out(JSON.stringify(catalogue, null, 2));
      return EXIT_OK;
    }
    let plugin = '';
    for (const r of catalogue.sort((a, b) => a.plugin.localeCompare(b.plugin))) {
      if (r.plugin !== plugin) io.out(`${(plugin = r.plugin)}`);
      io.out(
        `  ${r.id.padEnd(8)} ${r.severity.padEnd(8)} ${r.hasTests ? 'tested  ' : 'untested'} ${r.forms.join(',').padEnd(26)} ${r.source}`,
      );
      io.out(`  ${''.padEnd(8)} ${r.description[locale]}`);
      if (r.judgedDate)
        io.out(`  ${''.padEnd(8)} ${locale === 'da' ? 'bedømmer' : 'judges'}: ${r.judgedDate.description[locale]}`);
      if (r.options.length)
        io.out(
          `  ${''.padEnd(8)} options: ${r.options.map((o) => `${o.name}=${JSON.stringify(o.default)}`).join(', ')}`,
        );
    }
    const count = (s: CatalogueEntry['severity']) => catalogue.filter((r) => r.severity === s).length;
    io.out(
      `${catalogue.length} rule(s): ${count('error')} error, ${count('warning')} warning, ${count('process')} process; ${catalogue.filter((r) => r.hasTests).length} with tests`,
    );
    const unchecked = uncheckedSpecRules(catalogue);
    if (unchecked.length) {
      io.out(
        locale === 'da'
          ? `Ikke kontrolleret af noget plugin (${unchecked.length}):`
          : `Not checked by any plugin (${unchecked.length}):`,
      );
      for (const r of unchecked) {
        const reason =
          r.notCheckedBecause?.[locale] ?? (locale === 'da' ? 'ikke implementeret endnu' : 'not implemented yet');
        io.out(`  ${r.id.padEnd(8)} ${SPEC_SEVERITY[r.severity].padEnd(8)} §${r.section.padEnd(5)} ${reason}`);
      }
    }
    return EXIT_OK;
  },
};
