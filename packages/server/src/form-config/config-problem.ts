import type { Locale, LocalizedText } from '@skema/core';

/**
 * A problem with an uploaded configuration. `message` is the English text (as in core's
 * problems); the API answers with `problemView`, whose `message` is in the request's locale.
 */
export interface ConfigProblem {
  /** JSON Pointer into the uploaded document. */
  path: string;
  /** Stable code (core's overlay, untrusted-input, rule-option and version codes, or the server's own). */
  code: string;
  message: string;
  messages: LocalizedText;
}

export function configProblem(path: string, code: string, messages: LocalizedText): ConfigProblem {
  return { path, code, message: messages.en, messages };
}

/** Any core problem (overlay, untrusted, rule option, version bump) as a configuration problem at `path`. */
export function fromCoreProblem(path: string, p: { code: string; messages: LocalizedText }): ConfigProblem {
  return configProblem(path, p.code, p.messages);
}

/** A problem as the API answers it: `message` in the request's locale, both texts in `messages`. */
export function problemView(p: ConfigProblem, locale: Locale) {
  return { path: p.path, code: p.code, message: p.messages[locale], messages: p.messages };
}

export const problemsView = (problems: readonly ConfigProblem[], locale: Locale) =>
  problems.map((p) => problemView(p, locale));
