import type { FormRegistry } from '@skema/core';

/** An OpenAPI Example Object of a request body. */
export interface BodyExample {
  summary: string;
  value: Record<string, unknown>;
}

export interface RequestExamples {
  create: Record<string, BodyExample>;
  validate: Record<string, BodyExample>;
}

/**
 * Request examples made of real form data: the first valid example of the latest version of the
 * first form (by id) that has one, taken from the registry, so the document shows data a client
 * can send as is (and never names a form itself). Empty when no form has examples.
 */
export function requestExamples(registry: FormRegistry): RequestExamples {
  for (const formId of [...registry.ids()].sort()) {
    let form;
    try {
      form = registry.resolve(formId, 'latest');
    } catch {
      continue;
    }
    const example = form.examples?.valid[0];
    if (!example || !example.data || typeof example.data !== 'object' || Array.isArray(example.data)) continue;
    const { id, version } = form.manifest;
    const data = example.data as Record<string, unknown>;
    const key = `${id}@${version}`;
    return {
      create: {
        [key]: { summary: `${key}: ${example.name}`, value: { formId: id, version, data, status: 'submitted' } },
      },
      validate: {
        [key]: {
          summary: `${key}: ${example.name}`,
          value: { data, ...(example.today ? { today: example.today } : {}) },
        },
      },
    };
  }
  return { create: {}, validate: {} };
}
