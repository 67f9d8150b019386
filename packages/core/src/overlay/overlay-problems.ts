import type { LocalizedText } from '../issues.js';
import type { RuleOptionProblem } from '../rule-options.js';
import type { UntrustedProblem } from '../untrusted/untrusted-problem.js';

/** What each overlay problem's message needs to know. */
export interface OverlayParams {
  /** A key the overlay schema does not allow (`schema`, or `default` in a constraint). */
  'overlay-not-configurable': { key: string };
  /** A required member of the overlay is missing. */
  'overlay-required': { pointer: string };
  /** Any other shape error: the member's pointer and the keyword message. */
  'overlay-invalid': { pointer: string; detail: LocalizedText };
  'overlay-wrong-tenant': { tenantId: string; expected: string };
  'overlay-wrong-form': { formId: string; expected: string };
  'overlay-unknown-base-form': { formId: string };
  'overlay-no-base-version': { formId: string; range: string };
  'overlay-base-version-mismatch': { formId: string; version: string; range: string };
  'overlay-unknown-field': { pointer: string; formId: string };
  'overlay-hide-required': { pointer: string };
  'overlay-enum-extended': { values: string[] };
  'overlay-unknown-text': { key: string; formId: string };
  'overlay-field-text-missing': { field: string; key: string };
}

export type OverlayProblemCode = keyof OverlayParams;

/**
 * Why an overlay is refused. `path` is a JSON Pointer into the overlay document. `message` is
 * always the English text (for logs, the CLI and the git checks); a user interface picks
 * `messages[locale]`. Problems found by the untrusted-input check and the rule-option check keep
 * those checks' codes, so one problem has one code wherever it is found.
 */
export interface OverlayProblem {
  path: string;
  code: OverlayProblemCode | UntrustedProblem['code'] | RuleOptionProblem['code'];
  message: string;
  messages: LocalizedText;
}

const TEXTS: { [C in OverlayProblemCode]: (p: OverlayParams[C]) => LocalizedText } = {
  'overlay-not-configurable': ({ key }) => ({
    da: `«${key}» kan ikke indstilles i en tilpasning (overlay).`,
    en: `"${key}" cannot be configured in an overlay`,
  }),
  'overlay-required': ({ pointer }) => ({
    da: `${pointer} skal udfyldes i tilpasningen.`,
    en: `${pointer} is required in an overlay`,
  }),
  'overlay-invalid': ({ pointer, detail }) => ({
    da: `${pointer || 'Tilpasningen'} ${detail.da}.`,
    en: `${pointer || 'overlay'} ${detail.en}`,
  }),
  'overlay-wrong-tenant': ({ tenantId, expected }) => ({
    da: `Tilpasningen tilhører ${tenantId}, ikke ${expected}.`,
    en: `The overlay belongs to ${tenantId}, not to ${expected}`,
  }),
  'overlay-wrong-form': ({ formId, expected }) => ({
    da: `Tilpasningen gælder ${formId}, ikke ${expected}.`,
    en: `The overlay is for ${formId}, not ${expected}`,
  }),
  'overlay-unknown-base-form': ({ formId }) => ({
    da: `Der findes ikke et fælles skema med id'et ${formId}.`,
    en: `There is no base form ${formId}`,
  }),
  'overlay-no-base-version': ({ formId, range }) => ({
    da: `${formId} har ingen udgivet version, der passer til «${range}».`,
    en: `${formId} has no published version matching ${range}`,
  }),
  'overlay-base-version-mismatch': ({ formId, version, range }) => ({
    da: `${formId} version ${version} passer ikke til baseVersion «${range}».`,
    en: `${formId}@${version} does not satisfy ${range}`,
  }),
  'overlay-unknown-field': ({ pointer, formId }) => ({
    da: `${pointer} er ikke et felt i ${formId}.`,
    en: `${pointer} is not a field of ${formId}`,
  }),
  'overlay-hide-required': ({ pointer }) => ({
    da: `${pointer} skal udfyldes og kan derfor ikke skjules.`,
    en: `${pointer} is required and cannot be hidden`,
  }),
  'overlay-enum-extended': ({ values }) => ({
    da: `Svarmuligheder kan ikke tilføjes eller omdøbes: ${values.join(', ')}.`,
    en: `Enumeration values cannot be added or renamed: ${values.join(', ')}`,
  }),
  'overlay-unknown-text': ({ key, formId }) => ({
    da: `${formId} har ingen tekst med nøglen «${key}».`,
    en: `Unknown text key "${key}" in ${formId}`,
  }),
  'overlay-field-text-missing': ({ field, key }) => ({
    da: `Kommunens eget felt ${field} mangler teksten «${key}».`,
    en: `The tenant field ${field} needs the text "${key}"`,
  }),
};

/** An overlay problem with its texts in Danish and English. */
export function overlayProblem<C extends OverlayProblemCode>(
  path: string,
  code: C,
  params: OverlayParams[C],
): OverlayProblem {
  const messages = TEXTS[code](params);
  return { path, code, message: messages.en, messages };
}

/** `~` and `/` escaped, so a key or pointer can be one segment of a JSON Pointer. */
export const pointerSegment = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
