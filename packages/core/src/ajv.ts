import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { attachmentKeyword } from './attachments/attachment-ref.js';
import { notSensitiveKeyword, sensitiveKeyword } from './sensitive/sensitive-keyword.js';
import type { RegExpEngineLike } from './untrusted/linear-regexp.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

export type { Ajv2020 };

/** The one Ajv configuration the platform uses: JSON Schema 2020-12, all errors, standard formats, the `x-skema-sensitive` annotation. */
export function createAjv(options: { regExp?: RegExpEngineLike } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    // Untrusted forms run their patterns on a linear-time engine (see createUntrustedAjv).
    ...(options.regExp ? { code: { regExp: options.regExp } } : {}),
    allErrors: true,
    // Forms carry JSON Forms and Skema annotations (x-*, i18n); unknown keywords are annotations, not errors.
    strict: false,
    validateFormats: true,
    // Without it, multipleOf: 0.01 rejects valid øre amounts such as 0.07 (0.07 / 0.01 = 7.000000000000001).
    multipleOfPrecision: 9,
    // Remote references are never fetched (no loadSchema): every schema must be self-contained.
  });
  addFormats(ajv);
  // DP-02: the sensitivity annotation, so a malformed tag fails when the form compiles.
  ajv.addKeyword(sensitiveKeyword);
  ajv.addKeyword(notSensitiveKeyword);
  // An attachment reference (`x-skema-attachment: true`): an annotation, checked only for its value.
  ajv.addKeyword(attachmentKeyword);
  return ajv;
}
