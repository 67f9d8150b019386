// Build step: regenerates src/generated/ from the repository's schemas/ before tsc runs.
import type { FormVersion } from '@skema/core';
import { FormLoadError, loadForms, schemasDir } from '@skema/forms';
import { defaultGeneratedDir, writeFormTypes } from '../src/generate.js';

let forms: FormVersion[];
try {
  forms = loadForms(schemasDir());
} catch (e) {
  if (!(e instanceof FormLoadError)) throw e;
  console.error(`@skema/types: cannot load the forms: ${e.message}`);
  process.exit(1);
}
const files = await writeFormTypes(forms, defaultGeneratedDir());
console.log(`@skema/types: generated ${files.length - 1} form version type(s)`);
