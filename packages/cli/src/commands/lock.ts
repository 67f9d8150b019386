import { lockFilePath, updateLock, verifyLock, readLock } from '@skema/forms';
import { parseCommandArgs, schemasOption } from '../args.js';
import { loadFormsStrict, schemasRoot } from '../forms.js';
import { EXIT_OK, EXIT_PROBLEMS, type Command } from '../io.js';

const usage = 'skema lock [--schemas DIR]';

export const lockCommand: Command = {
  name: 'lock',
  usage,
  options: ['Existing entries are never rewritten: a changed published version stays an error.'],
  async run(args, io) {
    const { values } = parseCommandArgs(args, schemasOption, usage);
    const root = schemasRoot(values.schemas);
    const forms = loadFormsStrict(root);
    const file = lockFilePath(root);
    const { added } = updateLock(forms, file);
    const hashes = new Map(forms.map((f) => [`${f.manifest.id}@${f.manifest.version}`, f.hash]));
    for (const key of added) io.out(`  locked ${key} ${hashes.get(key)}`);
    const problems = verifyLock(forms, readLock(file));
    for (const p of problems) io.out(`✗ ${p.message}`);
    if (problems.length > 0) return EXIT_PROBLEMS;
    io.out(added.length ? `✓ ${added.length} version(s) added to ${file}` : `✓ ${file} is up to date`);
    return EXIT_OK;
  },
};
