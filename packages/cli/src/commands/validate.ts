import { isIsoDate, todayInDenmark, type Locale, type ValidationIssue, type ValidationResult } from '@skema/core';
import { createStandardEngine } from '@skema/forms';
import { parseCommandArgs, schemasOption } from '../args.js';
import { loadForm, parseFormRef, readJsonFile, schemasRoot } from '../forms.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS, type Command, type Io } from '../io.js';

const usage =
  'skema validate <formId>@<version> <file.json> [--locale da|en] [--today YYYY-MM-DD] [--draft] [--example] [--json] [--schemas DIR]';

const WORDS = {
  da: {
    valid: 'gyldig',
    invalid: 'ugyldig',
    error: 'fejl',
    warning: 'advarsel',
    deadline: 'frist',
    errors: 'fejl',
    warnings: 'advarsler',
    deadlines: 'frister',
    none: 'ingen',
    draft: 'kladde',
    submitted: 'indsendelse',
    today: 'dato',
    from: 'fra',
    pending: 'afventer',
    overdue: 'overskredet',
    met: 'overholdt',
  },
  en: {
    valid: 'valid',
    invalid: 'invalid',
    error: 'error',
    warning: 'warning',
    deadline: 'deadline',
    errors: 'errors',
    warnings: 'warnings',
    deadlines: 'deadlines',
    none: 'none',
    draft: 'draft',
    submitted: 'submission',
    today: 'today',
    from: 'from',
    pending: 'pending',
    overdue: 'overdue',
    met: 'met',
  },
} as const;

function printIssue(io: Io, label: string, issue: ValidationIssue): void {
  io.out(`  ${label.padEnd(9)} ${(issue.path || '/').padEnd(32)} ${issue.code.padEnd(18)} ${issue.message}`);
}

function printResult(io: Io, result: ValidationResult, locale: Locale, draft: boolean, today: string): void {
  const w = WORDS[locale];
  const { formId, version } = result.receipt;
  io.out(
    `${formId}@${version} (${draft ? w.draft : w.submitted}, ${w.today} ${today}): ${result.valid ? w.valid : w.invalid}` +
      ` — ${result.errors.length} ${w.errors}, ${result.warnings.length} ${w.warnings}`,
  );
  for (const issue of result.errors) printIssue(io, w.error, issue);
  for (const issue of result.warnings) printIssue(io, w.warning, issue);
  const { deadlines } = result.derived;
  if (deadlines.length > 0) io.out(`${w.deadlines}:`);
  for (const d of deadlines) {
    io.out(
      `  ${d.ruleId.padEnd(9)} ${d.due}  ${w[d.status].padEnd(11)} ${d.label[locale]} (${w.from} ${d.basis.from} + ${d.basis.amount} ${d.basis.unit}; ${d.path || '/'})`,
    );
  }
}

/** The keys a form example file has beside its data (schemas/<form>/<version>/examples/). */
const EXAMPLE_KEYS = new Set(['name', 'description', 'today', 'expect', 'data']);

/** An object with "data" and nothing but example keys, at least one of which is not "data". */
function looksLikeExample(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('data' in value)) return false;
  const keys = Object.keys(value);
  return keys.length > 1 && keys.every((k) => EXAMPLE_KEYS.has(k));
}

function exampleKeysOf(value: Record<string, unknown>): string {
  return Object.keys(value)
    .filter((k) => k !== 'data')
    .map((k) => `"${k}"`)
    .join(', ');
}

export const validateCommand: Command = {
  name: 'validate',
  usage,
  options: [
    '<formId>@<version>  exact version, semver range or "latest" (default when "@..." is left out)',
    '--locale da|en      language of the messages (default da)',
    '--today YYYY-MM-DD  reference date for ages and deadlines (default: today in Denmark)',
    '--draft             validate as a draft: types and formats only, no business rules',
    '--example           the file is a form example ({ "name"/"description", "data", "today", "expect" }): validate its data on its today',
    '--json              print the full validation result as JSON',
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...schemasOption,
        locale: { type: 'string' },
        today: { type: 'string' },
        draft: { type: 'boolean' },
        example: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      usage,
    );
    const [ref, file, ...extra] = positionals;
    if (!ref || !file || extra.length > 0)
      throw new CliError(`validate needs a form reference and one file\nUsage: ${usage}`);
    const locale = values.locale ?? 'da';
    if (locale !== 'da' && locale !== 'en') throw new CliError(`--locale must be "da" or "en", not "${locale}"`);
    if (values.today !== undefined && !isIsoDate(values.today))
      throw new CliError(`--today must be a date written YYYY-MM-DD, not "${String(values.today)}"`);

    const { formId, version } = parseFormRef(ref);
    const form = loadForm(schemasRoot(values.schemas), formId, version);
    let data = readJsonFile(file);
    let exampleToday: string | undefined;
    if (values.example) {
      if (typeof data !== 'object' || data === null || !('data' in data))
        throw new CliError(`${file} is not a form example (an object with "data")`);
      const example = data as { data: unknown; today?: unknown };
      exampleToday = typeof example.today === 'string' ? example.today : undefined;
      data = example.data;
    } else if (looksLikeExample(data)) {
      // Validating the wrapper would report "data" and "expect" as unknown fields, which helps nobody.
      throw new CliError(
        `${file} is a form example (with "data" and ${exampleKeysOf(data)}): validate it with --example`,
      );
    }
    const today = values.today ?? exampleToday ?? todayInDenmark();
    const result = createStandardEngine().validate(form, data, {
      locale,
      today,
      mode: values.draft ? 'draft' : 'submitted',
    });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else printResult(io, result, locale, values.draft === true, today);
    return result.valid ? EXIT_OK : EXIT_PROBLEMS;
  },
};
