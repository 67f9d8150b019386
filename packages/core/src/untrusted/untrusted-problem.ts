import type { LocalizedText } from '../issues.js';

export type UntrustedProblemCode = 'too-large' | 'too-deep' | 'too-many-keys' | 'forbidden-key' | 'remote-ref' | 'unsafe-pattern' | 'invalid-pattern';

/**
 * Why an uploaded document is refused. `message` is always the English text (for logs, the CLI
 * and the git checks); a user interface picks `messages[locale]`.
 */
export interface UntrustedProblem {
  /** JSON Pointer into the uploaded document. */
  path: string;
  /** Stable code; clients branch on it, never on the text. */
  code: UntrustedProblemCode;
  message: string;
  messages: LocalizedText;
}

/** What each message needs to know; a limit is the one that was exceeded. */
export interface UntrustedParams {
  'too-large': { maxBytes: number; bytes?: number };
  'too-deep': { maxDepth: number };
  'too-many-keys': { maxKeys: number };
  'forbidden-key': { key: string };
  'remote-ref': { ref: string };
  'unsafe-pattern': { source: string; maxLength?: number };
  'invalid-pattern': { source: string };
}

const TEXTS: { [C in UntrustedProblemCode]: (p: UntrustedParams[C]) => LocalizedText } = {
  'too-large': ({ maxBytes, bytes }) =>
    bytes === undefined
      ? { da: `Dokumentet er større end de tilladte ${maxBytes} byte.`, en: `The document is larger than ${maxBytes} bytes.` }
      : { da: `Dokumentet fylder ${bytes} byte og er dermed større end de tilladte ${maxBytes} byte.`, en: `The document is ${bytes} bytes; at most ${maxBytes} are allowed.` },
  'too-deep': ({ maxDepth }) => ({
    da: `Dokumentet er indlejret dybere end de tilladte ${maxDepth} niveauer.`,
    en: `Nesting deeper than ${maxDepth} levels is not allowed.`,
  }),
  'too-many-keys': ({ maxKeys }) => ({
    da: `Dokumentet har flere end de tilladte ${maxKeys} nøgler.`,
    en: `More than ${maxKeys} keys are not allowed.`,
  }),
  'forbidden-key': ({ key }) => ({
    da: `Nøglen «${key}» er ikke tilladt (den kan ændre alle objekters prototype).`,
    en: `The key "${key}" is not allowed (it can reach the prototype of every object).`,
  }),
  'remote-ref': ({ ref }) => ({
    da: `Kun lokale referencer («#/…») er tilladt; «${ref}» ville blive hentet udefra.`,
    en: `Only local references ("#/…") are allowed; "${ref}" would be fetched from elsewhere.`,
  }),
  'unsafe-pattern': ({ source, maxLength }) =>
    maxLength !== undefined
      ? { da: `Det regulære udtryk er længere end de tilladte ${maxLength} tegn.`, en: `The pattern is longer than ${maxLength} characters.` }
      : {
          da: `Det regulære udtryk «${source}» kan give katastrofal backtracking (en gentagelse inden i en anden gentagelse); skriv det om uden indlejrede gentagelser.`,
          en: `The pattern "${source}" can backtrack catastrophically (nested repetition); rewrite it without nested quantifiers.`,
        },
  'invalid-pattern': ({ source }) => ({
    da: `«${source}» er ikke et gyldigt regulært udtryk.`,
    en: `"${source}" is not a valid regular expression.`,
  }),
};

/** A problem with its texts in Danish and English. */
export function untrustedProblem<C extends UntrustedProblemCode>(path: string, code: C, params: UntrustedParams[C]): UntrustedProblem {
  const messages = TEXTS[code](params);
  return { path, code, message: messages.en, messages };
}
