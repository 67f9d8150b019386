import { applyPrefill, type PrefillSources } from '@skema/core';
import { parseCommandArgs, schemasOption } from '../args.js';
import { loadForm, readJsonFile, schemasRoot } from '../forms.js';
import { CliError, EXIT_OK, type Command } from '../io.js';

const usage =
  'skema prefill <formId> <version> [--case case.json] [--from <formId>=<data.json> …] [--json] [--schemas DIR]';

/** `FORMID=FILE` → [formId, data]; the file holds a submission's data (or a stored submission with `data`). */
function source(spec: string): [string, unknown] {
  const at = spec.indexOf('=');
  if (at < 1) throw new CliError(`--from must be <formId>=<file>, not "${spec}"\nUsage: ${usage}`);
  const value = readJsonFile(spec.slice(at + 1));
  const data =
    typeof value === 'object' && value !== null && 'data' in value && 'formId' in value
      ? (value as { data: unknown }).data
      : value;
  return [spec.slice(0, at), data];
}

/**
 * A dry run of a form version's prefill mappings (`prefill.json`) from files: the case (`{ title,
 * borger }`) and the latest submission of other forms. Prints the data and where each value came
 * from; nothing is read from or written to a server.
 */
export const prefillCommand: Command = {
  name: 'prefill',
  usage,
  options: [
    '--case FILE            the case as JSON: { "title": …, "borger": { "name", "cpr" | "substituteCpr" | "birthDate" } }',
    '--from FORMID=FILE     the latest submission of a form in the case (repeat for several forms)',
    '--json                 print { data, provenance } as JSON',
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...schemasOption,
        case: { type: 'string' },
        from: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
      usage,
    );
    const [formId, version, ...extra] = positionals;
    if (!formId || !version || extra.length > 0) throw new CliError(`Name the form and version.\nUsage: ${usage}`);
    const form = loadForm(schemasRoot(values.schemas), formId, version);
    const caseFields = values.case ? (readJsonFile(values.case) as Record<string, unknown>) : {};
    const latest = new Map((values.from ?? []).map(source));
    const sources: PrefillSources = {
      caseFields,
      latest: (f) => (latest.has(f) ? { id: `file:${f}`, data: latest.get(f) } : undefined),
    };
    const result = applyPrefill(form.prefill ?? { mappings: [] }, sources);
    if (values.json) {
      io.out(JSON.stringify(result, null, 2));
      return EXIT_OK;
    }
    if (!form.prefill) io.out(`${formId} ${form.manifest.version} has no prefill.json`);
    for (const [target, from] of Object.entries(result.provenance)) {
      const where = from.kind === 'case' ? `case ${from.field}` : `${from.formId} ${from.pointer}`;
      // A CPR number is shown masked: a dry run's output ends up in terminals and logs.
      const value = JSON.stringify(valueOf(result.data, target)).replace(/(\d{6})-?\d{4}/g, '$1-XXXX');
      io.out(`  ${target.padEnd(36)} ← ${where.padEnd(48)} ${value}`);
    }
    io.out(`${Object.keys(result.provenance).length} of ${form.prefill?.mappings.length ?? 0} mapping(s) filled`);
    return EXIT_OK;
  },
};

function valueOf(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      data,
    );
}
