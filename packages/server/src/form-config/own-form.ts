import type { ErrorObject } from 'ajv';
import { createAjv, formContentHash, KEYWORD_MESSAGES, type FormStatus, type FormVersion } from '@skema/core';
import { configProblem, type ConfigProblem } from './config-problem.js';

const localized = {
  type: 'object',
  additionalProperties: false,
  required: ['da', 'en'],
  properties: { da: { type: 'string', maxLength: 5000 }, en: { type: 'string', maxLength: 5000 } },
};
const texts = { type: 'object', maxProperties: 5000, additionalProperties: { type: 'string', maxLength: 5000 } };
const example = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'data'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    data: {},
    today: { type: 'string', format: 'date' },
    expect: {
      type: 'object',
      additionalProperties: false,
      properties: {
        codes: { type: 'array', items: { type: 'string' } },
        paths: { type: 'array', items: { type: 'string' } },
      },
    },
  },
};

/** Where an own-form document keeps JSON Schema (for the untrusted-input checks). */
export const OWN_FORM_SCHEMA_ROOTS: readonly string[] = ['/schema'];

/** A tenant's own form as uploaded: the parts of a form package, in one document. */
export const OWN_FORM_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['manifest', 'schema', 'uischema', 'i18n'],
  properties: {
    manifest: {
      type: 'object',
      additionalProperties: false,
      required: ['title', 'plugins', 'changelog'],
      properties: {
        id: { type: 'string' },
        version: { type: 'string' },
        title: localized,
        description: localized,
        status: { enum: ['draft', 'published', 'deprecated'] },
        plugins: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'version'],
            properties: {
              name: { type: 'string' },
              version: { type: 'string' },
              options: { type: 'object', additionalProperties: { type: 'object' } },
            },
          },
        },
        changelog: { anyOf: [{ type: 'string' }, localized] },
        ruleOptions: { type: 'object', additionalProperties: { type: 'object' } },
      },
    },
    schema: { type: 'object', required: ['type'], properties: { type: { const: 'object' } } },
    uischema: { type: 'object', required: ['type'] },
    i18n: { type: 'object', additionalProperties: false, required: ['da', 'en'], properties: { da: texts, en: texts } },
    examples: {
      type: 'object',
      additionalProperties: false,
      properties: {
        valid: { type: 'array', maxItems: 50, items: example },
        invalid: { type: 'array', maxItems: 50, items: example },
      },
    },
  },
} as const;

let validateShape: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** The own-form shape check, compiled once; `FormConfigService` builds it at start so no upload pays for it. */
export function shapeValidator(): NonNullable<typeof validateShape> {
  return (validateShape ??= createAjv().compile(OWN_FORM_SCHEMA));
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function shapeProblem(e: ErrorObject): ConfigProblem {
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    return configProblem(`${e.instancePath}/${esc(key)}`, 'form-not-configurable', {
      da: `«${key}» hører ikke til et skema.`,
      en: `"${key}" is not part of a form`,
    });
  }
  if (e.keyword === 'required') {
    const path = `${e.instancePath}/${esc(String(e.params.missingProperty))}`;
    return configProblem(path, 'form-required', { da: `${path} skal udfyldes.`, en: `${path} is required` });
  }
  const detail = KEYWORD_MESSAGES[e.keyword]?.(e) ?? { da: `er ugyldig (${e.keyword})`, en: e.message ?? 'is invalid' };
  return configProblem(e.instancePath, 'form-invalid', {
    da: `${e.instancePath || 'Dokumentet'} ${detail.da}.`,
    en: `${e.instancePath || 'the document'} ${detail.en}`,
  });
}

/** Problems with the shape of an own-form document, each naming its place; empty when it fits. */
export function ownFormShapeProblems(document: unknown): ConfigProblem[] {
  const validate = shapeValidator();
  return validate(document) ? [] : (validate.errors ?? []).map(shapeProblem);
}

interface OwnFormDocument {
  manifest: Omit<FormVersion['manifest'], 'id' | 'version' | 'status'> & { id?: string; version?: string };
  schema: FormVersion['schema'];
  uischema: FormVersion['uischema'];
  i18n: FormVersion['i18n'];
  examples?: {
    valid?: NonNullable<FormVersion['examples']>['valid'];
    invalid?: NonNullable<FormVersion['examples']>['invalid'];
  };
}

/** The form version an own-form document describes; call only after `ownFormShapeProblems` found none. */
export function ownFormVersion(formId: string, version: string, status: FormStatus, document: unknown): FormVersion {
  const doc = structuredClone(document) as OwnFormDocument;
  const withoutHash: Omit<FormVersion, 'hash'> = {
    manifest: { ...doc.manifest, id: formId, version, status },
    schema: doc.schema,
    uischema: doc.uischema,
    i18n: doc.i18n,
    ...(doc.examples ? { examples: { valid: doc.examples.valid ?? [], invalid: doc.examples.invalid ?? [] } } : {}),
  };
  return { ...withoutHash, hash: formContentHash(withoutHash) };
}
