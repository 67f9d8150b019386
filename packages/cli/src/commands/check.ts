import { checkForms, createStandardEngine, lockFilePath, readLock } from '@skema/forms';
import { parseCommandArgs, schemasOption } from '../args.js';
import { loadAllForms, schemasRoot } from '../forms.js';
import { EXIT_OK, EXIT_PROBLEMS, type Command } from '../io.js';

const usage = 'skema check [--schemas DIR]';

export const checkCommand: Command = {
  name: 'check',
  usage,
  options: ["--schemas DIR  the schemas folder (default: the repository's schemas/ or $SKEMA_SCHEMAS_DIR)"],
  async run(args, io) {
    const { values } = parseCommandArgs(args, schemasOption, usage);
    const root = schemasRoot(values.schemas);
    const { forms, failures } = loadAllForms(root);
    const problems = [
      ...failures,
      ...checkForms({ forms, engine: createStandardEngine(), lock: readLock(lockFilePath(root)) }),
    ];
    for (const p of problems) io.out(`${p.file}: ${p.message}`);
    const formIds = new Set(forms.map((f) => f.manifest.id));
    if (problems.length > 0) {
      io.out(`✗ ${problems.length} problem(s) in ${root}`);
      return EXIT_PROBLEMS;
    }
    const examples = forms.reduce((n, f) => n + (f.examples?.valid.length ?? 0) + (f.examples?.invalid.length ?? 0), 0);
    io.out(`✓ ${forms.length} form version(s) of ${formIds.size} form(s) checked (${examples} examples): no problems`);
    return EXIT_OK;
  },
};
