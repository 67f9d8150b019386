import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  FormNotFoundError,
  isIsoDate,
  migrateSubmission,
  MigrationError,
  planMigration,
  todayInDenmark,
  type Locale,
} from '@skema/core';
import { createStandardEngine, standardPlugins } from '@skema/forms';
import { parseCommandArgs, schemasOption } from '../args.js';
import { loadFormRegistry, readJsonFile, schemasRoot, unknownVersionMessage } from '../forms.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS, type Command, type Io } from '../io.js';
import { migrateThroughApi } from './migrate-api.js';
import { MIGRATE_TEXT, printIssue, type MigrateText } from './migrate-messages.js';

const usage =
  'skema migrate <data.json> [--form <formId> --from <version>] --to <version> [--out FILE] [--draft] [--today YYYY-MM-DD] [--locale da|en] [--schemas DIR]\n' +
  '       skema migrate --api <baseUrl> [--key <apiKey>] --submission <id> --to <version> [--if-match ETAG] [--json] [--locale da|en]';

const options = {
  ...schemasOption,
  form: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  draft: { type: 'boolean' },
  today: { type: 'string' },
  locale: { type: 'string' },
  api: { type: 'string' },
  key: { type: 'string' },
  submission: { type: 'string' },
  'if-match': { type: 'string' },
  json: { type: 'boolean' },
} as const;

interface Source {
  formId: string;
  from: string;
  data: unknown;
  /** A stored draft is validated as a draft under the target version. */
  draft: boolean;
}

/** Plain data, or a stored submission (`{ formId, version, data }`) whose form and version fill in --form and --from. */
function readSource(file: string, form: string | undefined, from: string | undefined, t: MigrateText): Source {
  const json = readJsonFile(file);
  const stored =
    typeof json === 'object' &&
    json !== null &&
    !Array.isArray(json) &&
    'data' in json &&
    'formId' in json &&
    'version' in json
      ? (json as Record<string, unknown>)
      : undefined;
  if (stored && typeof stored.formId === 'string' && typeof stored.version === 'string') {
    if (form !== undefined && form !== stored.formId) throw new CliError(t.conflict('--form', form, stored.formId));
    if (from !== undefined && from !== stored.version) throw new CliError(t.conflict('--from', from, stored.version));
    return { formId: stored.formId, from: stored.version, data: stored.data, draft: stored.status === 'draft' };
  }
  if (form === undefined) throw new CliError(t.needsForm('--form'));
  if (from === undefined) throw new CliError(t.needsForm('--from'));
  return { formId: form, from, data: json, draft: false };
}

function migrateFile(
  file: string,
  values: { form?: string; from?: string; to: string; out?: string; draft?: boolean; today?: string; schemas?: string },
  locale: Locale,
  io: Io,
): number {
  const t = MIGRATE_TEXT[locale];
  const source = readSource(file, values.form, values.from, t);
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(source.formId)) throw new CliError(t.badFormId(source.formId));
  const registry = loadFormRegistry(schemasRoot(values.schemas), source.formId);
  const { formId, from, data } = source;

  let plan;
  try {
    plan = planMigration(registry, formId, from, values.to);
  } catch (e) {
    if (e instanceof FormNotFoundError) throw new CliError(unknownVersionMessage(registry, formId, e.version ?? from));
    if (e instanceof MigrationError)
      throw new CliError(`${t.noPath(formId, from, values.to)}: ${e.message} (${e.reason})`, EXIT_PROBLEMS);
    throw e;
  }
  const to = plan.to.manifest.version;
  let result;
  try {
    result = migrateSubmission({ data, ...plan, plugins: standardPlugins() });
  } catch (e) {
    if (e instanceof MigrationError)
      throw new CliError(
        `${t.failed(formId, plan.from.manifest.version, to)}: ${e.message} (${e.reason})`,
        EXIT_PROBLEMS,
      );
    throw e;
  }

  const today = values.today ?? todayInDenmark();
  const mode = values.draft || source.draft ? 'draft' : 'submitted';
  const validation = createStandardEngine().validate(plan.to, result.data, { locale, today, mode });
  if (!validation.valid) {
    io.err(t.invalid(formId, to, validation.errors.length));
    for (const issue of validation.errors) printIssue(io.err, t.error, issue);
    return EXIT_PROBLEMS;
  }

  const json = JSON.stringify(result.data, null, 2);
  const steps = result.steps.map((s) => `${s.from} → ${s.to}: ${s.kind}`).join(', ') || t.noSteps;
  // The summary goes to stderr while the data goes to stdout, so `> file` holds only the data.
  const note = values.out ? io.out : io.err;
  note(t.migrated(formId, plan.from.manifest.version, to, steps));
  for (const issue of validation.warnings) printIssue(note, t.warning, issue);
  if (values.out) {
    writeFileSync(resolve(values.out), `${json}\n`);
    io.out(t.written(values.out));
  } else io.out(json);
  return EXIT_OK;
}

export const migrateCommand: Command = {
  name: 'migrate',
  usage,
  options: [
    '<data.json>            the submission data, or a stored submission { formId, version, status?, data } (then --form/--from may be left out)',
    '--form <formId>        the form the data belongs to',
    '--from <version>       the version the data was written for',
    '--to <version>         the target version: exact, a semver range or "latest"',
    '--out FILE             write the migrated data to FILE instead of stdout',
    '--draft                validate the result as a draft (also when the stored submission is a draft)',
    '--today YYYY-MM-DD     reference date for ages and deadlines (default: today in Denmark)',
    '--locale da|en         language of the messages (default da)',
    '--api <baseUrl>        migrate a stored submission through the API instead (POST /api/v1/submissions/{id}/migrate)',
    '--key <apiKey>         the API key (default: $SKEMA_API_KEY)',
    '--submission <id>      the submission to migrate (with --api)',
    '--if-match ETAG        only migrate when the submission is still at this revision (with --api)',
    "--json                 print the API's answer as JSON (with --api)",
    'Exit codes: 0 migrated and valid; 1 no migration path, the migrated data is invalid or the API refused it (409/422); 2 bad input or an unreachable API.',
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, usage);
    const locale = values.locale ?? 'da';
    if (locale !== 'da' && locale !== 'en') throw new CliError(`--locale must be "da" or "en", not "${locale}"`);
    const t = MIGRATE_TEXT[locale];
    if (values.today !== undefined && !isIsoDate(values.today))
      throw new CliError(`--today must be a date written YYYY-MM-DD, not "${String(values.today)}"`);
    if (values.api !== undefined) {
      if (positionals.length > 0 || !values.submission || !values.to)
        throw new CliError(`${t.apiNeeds}\nUsage: ${usage}`);
      const key = values.key ?? process.env.SKEMA_API_KEY;
      if (!key) throw new CliError(t.apiNoKey);
      return migrateThroughApi(
        {
          baseUrl: values.api,
          key,
          submissionId: values.submission,
          to: values.to,
          locale,
          json: values.json === true,
          ...(values['if-match'] ? { ifMatch: values['if-match'] } : {}),
        },
        io,
      );
    }
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new CliError(`${t.needsFile}\nUsage: ${usage}`);
    if (!values.to) throw new CliError(`${t.needsTo}\nUsage: ${usage}`);
    return migrateFile(file, { ...values, to: values.to }, locale, io);
  },
};
