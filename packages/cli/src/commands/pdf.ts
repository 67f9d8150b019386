import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isIsoDate, todayInDenmark, type Approval, type FormVersion, type SubmissionStatus } from '@skema/core';
import { renderSubmissionPdf, type DocumentSubmission } from '@skema/documents';
import { createStandardEngine, loadFormVersion, FormLoadError } from '@skema/forms';
import { parseCommandArgs, schemasOption } from '../args.js';
import { loadForm, parseFormRef, readJsonFile, schemasRoot } from '../forms.js';
import { CliError, EXIT_OK, type Command } from '../io.js';
import { documentThroughApi } from './pdf-api.js';
import { PDF_TEXT, type PdfText } from './pdf-messages.js';

const usage =
  'skema pdf --form <folder | formId@version> --data <file.json> --out <file.pdf> [--id ID] [--created ISO] [--today YYYY-MM-DD] [--show-cpr] [--locale da|en] [--schemas DIR]\n' +
  '       skema pdf --api <baseUrl> [--token <apiKey>] --submission <id> --out <file.pdf> [--show-cpr] [--locale da|en]';

const options = {
  ...schemasOption,
  form: { type: 'string' },
  data: { type: 'string' },
  out: { type: 'string' },
  id: { type: 'string' },
  created: { type: 'string' },
  today: { type: 'string' },
  'show-cpr': { type: 'boolean' },
  locale: { type: 'string' },
  api: { type: 'string' },
  token: { type: 'string' },
  submission: { type: 'string' },
} as const;

/** A form folder (`schemas/underretning/1.0.2`) or a reference (`underretning@1.0.2`, `underretning`). */
function formFrom(value: string, schemas: string | undefined): FormVersion {
  if (existsSync(join(value, 'form.json'))) {
    try {
      return loadFormVersion(resolve(value));
    } catch (e) {
      if (e instanceof FormLoadError) throw new CliError(`Cannot load form ${value}: ${e.message}`);
      throw e;
    }
  }
  const { formId, version } = parseFormRef(value);
  return loadForm(schemasRoot(schemas), formId, version);
}

interface Source {
  submission: DocumentSubmission;
  today?: string;
}

/** Plain data, a form example (`{ data, today?, description? }`) or a stored submission (`{ id, data, status, createdAt, … }`). */
function sourceFrom(file: string, values: { id?: string; created?: string }, t: PdfText): Source {
  const json = readJsonFile(file);
  const record =
    typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const created =
    values.created ?? (typeof record?.createdAt === 'string' ? record.createdAt : new Date().toISOString());
  if (Number.isNaN(new Date(created).getTime())) throw new CliError(t.badDate('--created', created));
  if (record && 'data' in record && typeof record.formId === 'string') {
    const submission: DocumentSubmission = {
      id: values.id ?? (typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : 'udkast'),
      data: record.data,
      status: (typeof record.status === 'string' ? record.status : 'submitted') as SubmissionStatus,
      createdAt: created,
      ...(typeof record.updatedAt === 'string' ? { updatedAt: record.updatedAt } : {}),
      ...(typeof record.createdBy === 'string' ? { createdBy: record.createdBy } : {}),
      ...(Array.isArray(record.approvals) ? { approvals: record.approvals as Approval[] } : {}),
    };
    return { submission };
  }
  const isExample =
    record !== undefined &&
    'data' in record &&
    Object.keys(record).every((k) => ['data', 'today', 'description', 'expect', 'name'].includes(k));
  const today = isExample && typeof record.today === 'string' ? record.today : undefined;
  return {
    submission: {
      id: values.id ?? 'udkast',
      data: isExample ? record.data : json,
      status: 'submitted',
      createdAt: created,
    },
    ...(today ? { today } : {}),
  };
}

export const pdfCommand: Command = {
  name: 'pdf',
  usage,
  options: [
    '--form <folder|ref>    a form version folder (schemas/underretning/1.0.2) or formId@version',
    '--data <file.json>     the data, a form example (examples/valid/*.json) or a stored submission',
    '--out <file.pdf>       where to write the document',
    '--id ID                the kvitteringsnummer to print (default: the stored submission\'s id, else "udkast")',
    '--created ISO          the creation time to print and to date the file with (default: the stored one, else now)',
    "--today YYYY-MM-DD     reference date for the rule checks and deadlines (default: the example's, else today in Denmark)",
    "--show-cpr             print CPR numbers in full (only where the municipality's policy allows it; default DDMMYY-XXXX)",
    '--locale da|en         language of the document and the messages (default da)',
    "--api <baseUrl>        fetch the server's document instead (GET /api/v1/submissions/{id}/document.pdf)",
    '--token <apiKey>       the API key (default: $SKEMA_API_KEY)',
    '--submission <id>      the submission (with --api)',
    'Exit codes: 0 written; 1 the API has no document for it (404/409/422); 2 bad input or an unreachable API.',
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, usage);
    const locale = values.locale ?? 'da';
    if (locale !== 'da' && locale !== 'en') throw new CliError(`--locale must be "da" or "en", not "${locale}"`);
    const t = PDF_TEXT[locale];
    if (positionals.length > 0) throw new CliError(`${t.needsInput}\nUsage: ${usage}`);
    if (!values.out) throw new CliError(`${t.needsOut}\nUsage: ${usage}`);
    const showCpr = values['show-cpr'] === true;
    if (values.api !== undefined) {
      if (!values.submission || values.form !== undefined || values.data !== undefined)
        throw new CliError(`${t.apiNeeds}\nUsage: ${usage}`);
      const token = values.token ?? process.env.SKEMA_API_KEY;
      if (!token) throw new CliError(t.apiNoKey);
      return documentThroughApi(
        { baseUrl: values.api, token, submissionId: values.submission, out: values.out, locale, showCpr },
        io,
      );
    }
    if (!values.form || !values.data) throw new CliError(`${t.needsInput}\nUsage: ${usage}`);
    if (values.today !== undefined && !isIsoDate(values.today))
      throw new CliError(`--today must be a date written YYYY-MM-DD, not "${String(values.today)}"`);
    const form = formFrom(values.form, values.schemas);
    const { submission, today } = sourceFrom(values.data, values, t);
    const validation = createStandardEngine().validate(form, submission.data, {
      locale,
      today: values.today ?? today ?? todayInDenmark(),
      mode: submission.status === 'draft' ? 'draft' : 'submitted',
    });
    const pdf = await renderSubmissionPdf({ form, submission, validation, locale, options: { showCpr } });
    writeFileSync(resolve(values.out), pdf);
    io.out(t.written(values.out, pdf.length));
    return EXIT_OK;
  },
};
