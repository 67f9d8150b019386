import { checkVersionBump, diffFormVersions } from '@skema/core';
import { parseCommandArgs, schemasOption } from '../args.js';
import { loadForm, schemasRoot } from '../forms.js';
import { CliError, EXIT_OK, type Command } from '../io.js';

const usage = 'skema diff <formId> <v1> <v2> [--json] [--schemas DIR]';

export const diffCommand: Command = {
  name: 'diff',
  usage,
  options: ['--json  print the changes as JSON'],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { ...schemasOption, json: { type: 'boolean' } }, usage);
    const [formId, from, to, ...extra] = positionals;
    if (!formId || !from || !to || extra.length > 0) throw new CliError(`diff needs a form id and two versions\nUsage: ${usage}`);
    const root = schemasRoot(values.schemas);
    const a = loadForm(root, formId, from);
    const b = loadForm(root, formId, to);
    const diff = diffFormVersions(a, b);
    const problem = checkVersionBump(a, b);
    const [va, vb] = [a.manifest.version, b.manifest.version];
    if (values.json) {
      io.out(JSON.stringify({ formId, from: va, to: vb, ...diff, sufficient: problem === undefined, problem: problem?.message }, null, 2));
      return EXIT_OK;
    }
    io.out(`${formId} ${va} → ${vb}: ${diff.changes.length} change(s), required bump: ${diff.required}`);
    for (const c of diff.changes) io.out(`  ${c.level.padEnd(5)}  ${c.kind.padEnd(28)} ${c.path}  ${c.message}`);
    io.out(problem ? `✗ ${problem.message}` : `✓ ${vb} is a sufficient version number after ${va}`);
    return EXIT_OK;
  },
};
