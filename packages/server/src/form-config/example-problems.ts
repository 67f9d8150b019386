import type { FormVersion } from '@skema/core';
import type { FormValidation } from '../validation/form-validation.js';
import { configProblem, type ConfigProblem } from './config-problem.js';

/** An own form's examples run through the engine: valid ones must pass, invalid ones fail as they say. */
export async function exampleProblems(validation: FormValidation, form: FormVersion): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  const run = async (ex: { data: unknown; today?: string }) =>
    (
      await validation.validate(form, ex.data, {
        locale: 'en',
        mode: 'submitted',
        now: new Date(),
        ...(ex.today ? { today: ex.today } : {}),
      })
    ).errors;
  for (const [i, ex] of (form.examples?.valid ?? []).entries()) {
    const errors = await run(ex);
    if (!errors.length) continue;
    const found = errors.map((e) => `${e.code} at ${e.path || '/'}`).join(', ');
    const foundDa = errors.map((e) => `${e.code} ved ${e.path || '/'}`).join(', ');
    problems.push(
      configProblem(`/examples/valid/${i}`, 'example-not-valid', {
        da: `Eksemplet ${ex.name} skulle være gyldigt, men har fejl: ${foundDa}.`,
        en: `Example ${ex.name} should be valid but has errors: ${found}`,
      }),
    );
  }
  for (const [i, ex] of (form.examples?.invalid ?? []).entries()) {
    const errors = await run(ex);
    const codes = new Set(errors.map((e) => e.code));
    const paths = new Set(errors.map((e) => e.path));
    const missing = [
      ...(ex.expect?.codes ?? []).filter((c) => !codes.has(c)),
      ...(ex.expect?.paths ?? []).filter((p) => !paths.has(p)),
    ];
    const path = `/examples/invalid/${i}`;
    if (!errors.length) {
      problems.push(
        configProblem(path, 'example-not-invalid', {
          da: `Eksemplet ${ex.name} skulle være ugyldigt, men har ingen fejl.`,
          en: `Example ${ex.name} should be invalid but has no errors`,
        }),
      );
    } else if (missing.length) {
      problems.push(
        configProblem(path, 'example-missing-error', {
          da: `Eksemplet ${ex.name} fejler ikke med ${missing.join(', ')}, som det forventes.`,
          en: `Example ${ex.name} does not fail with ${missing.join(', ')}`,
        }),
      );
    }
  }
  return problems;
}
