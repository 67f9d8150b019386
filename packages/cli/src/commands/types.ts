import { resolve } from 'node:path';
import { defaultGeneratedDir, ForeignFileError, typeNameFor, writeFormTypes } from '@skema/types';
import { parseCommandArgs, schemasOption } from '../args.js';
import { loadFormsStrict, schemasRoot } from '../forms.js';
import { CliError, EXIT_OK, type Command } from '../io.js';

const usage = 'skema types [--out DIR] [--schemas DIR]';

export const typesCommand: Command = {
  name: 'types',
  usage,
  options: [
    '--out DIR  output folder; only files skema types wrote there are replaced or removed (default: packages/types/src/generated, the source of @skema/types)',
  ],
  async run(args, io) {
    const { values } = parseCommandArgs(args, { ...schemasOption, out: { type: 'string' } }, usage);
    const forms = loadFormsStrict(schemasRoot(values.schemas));
    const out = values.out ? resolve(values.out) : defaultGeneratedDir();
    const files = await writeFormTypes(forms, out).catch((e: unknown) => {
      throw e instanceof ForeignFileError ? new CliError(e.message) : e;
    });
    for (const f of forms)
      io.out(
        `  ${typeNameFor(f.manifest.id, f.manifest.version).padEnd(36)} ${f.manifest.id}/${f.manifest.version}.ts`,
      );
    io.out(`Generated ${files.length - 1} form type(s) and index.ts in ${out}`);
    return EXIT_OK;
  },
};
