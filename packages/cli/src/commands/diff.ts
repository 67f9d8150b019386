import { checkVersionBump, diffFormVersions } from '@skema/core';
import { parseCommandArgs, schemasOption } from '../args.js';
import { loadForm, schemasRoot } from '../forms.js';
import { CliError, EXIT_OK, type Command } from '../io.js';
import { DIFF_TEXT } from './diff-messages.js';

const usage = 'skema diff <formId> <v1> <v2> [--locale da|en] [--json] [--schemas DIR]';

export const diffCommand: Command = {
  name: 'diff',
  usage,
  options: [
    '--locale da|en  language of the messages (default da)',
    '--json          print the changes as JSON (each message in --locale, both texts in messages)',
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { ...schemasOption, locale: { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    const locale = values.locale ?? 'da';
    if (locale !== 'da' && locale !== 'en') throw new CliError(`--locale must be "da" or "en", not "${locale}"`);
    const t = DIFF_TEXT[locale];
    const [formId, from, to, ...extra] = positionals;
    if (!formId || !from || !to || extra.length > 0) throw new CliError(`${t.needsArgs}\nUsage: ${usage}`);
    const root = schemasRoot(values.schemas);
    const a = loadForm(root, formId, from);
    const b = loadForm(root, formId, to);
    const diff = diffFormVersions(a, b);
    const changes = diff.changes.map((c) => ({ ...c, message: c.messages[locale] }));
    const problem = checkVersionBump(a, b);
    const [va, vb] = [a.manifest.version, b.manifest.version];
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            formId,
            from: va,
            to: vb,
            changes,
            required: diff.required,
            sufficient: problem === undefined,
            problem: problem?.messages[locale],
          },
          null,
          2,
        ),
      );
      return EXIT_OK;
    }
    io.out(t.summary(formId, va, vb, changes.length, diff.required));
    for (const c of changes) io.out(`  ${c.level.padEnd(5)}  ${c.kind.padEnd(28)} ${c.path}  ${c.message}`);
    io.out(problem ? `✗ ${problem.messages[locale]}` : t.sufficient(va, vb));
    return EXIT_OK;
  },
};
