import type { LocalizedText } from '../issues.js';

export type UntrustedProblemCode =
  | 'too-large'
  | 'too-deep'
  | 'too-many-keys'
  | 'forbidden-key'
  | 'remote-ref'
  | 'unsafe-pattern'
  | 'invalid-pattern'
  | 'pattern-not-linear'
  | 'nested-id'
  | 'ref-cycle'
  | 'too-complex'
  | 'unique-items-unbounded'
  | 'enum-too-large';

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
  'pattern-not-linear': { source: string; reason: string };
  'nested-id': { id: string };
  'ref-cycle': { ref: string };
  'too-complex': { evaluations: number; maxEvaluations: number };
  'unique-items-unbounded': { maxUniqueItems: number };
  'enum-too-large': { count: number; maxEnum: number };
}

const TEXTS: { [C in UntrustedProblemCode]: (p: UntrustedParams[C]) => LocalizedText } = {
  'too-large': ({ maxBytes, bytes }) =>
    bytes === undefined
      ? {
          da: `Dokumentet er større end de tilladte ${maxBytes} byte.`,
          en: `The document is larger than ${maxBytes} bytes.`,
        }
      : {
          da: `Dokumentet fylder ${bytes} byte og er dermed større end de tilladte ${maxBytes} byte.`,
          en: `The document is ${bytes} bytes; at most ${maxBytes} are allowed.`,
        },
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
      ? {
          da: `Det regulære udtryk er længere end de tilladte ${maxLength} tegn.`,
          en: `The pattern is longer than ${maxLength} characters.`,
        }
      : {
          da: `Det regulære udtryk «${source}» kan give katastrofal backtracking (en gentagelse inden i en anden gentagelse); skriv det om uden indlejrede gentagelser.`,
          en: `The pattern "${source}" can backtrack catastrophically (nested repetition); rewrite it without nested quantifiers.`,
        },
  'invalid-pattern': ({ source }) => ({
    da: `«${source}» er ikke et gyldigt regulært udtryk.`,
    en: `"${source}" is not a valid regular expression.`,
  }),
  'pattern-not-linear': ({ source, reason }) => ({
    da: `Det regulære udtryk «${source}» kan ikke køres i lineær tid (${reason}); tilbagereferencer og lookahead/lookbehind er ikke tilladt i kommunens egne skemaer.`,
    en: `The pattern "${source}" cannot run in linear time (${reason}); backreferences and lookaround are not allowed in tenants' forms.`,
  }),
  'nested-id': ({ id }) => ({
    da: `«$id» («${id}») er kun tilladt øverst i skemaet.`,
    en: `"$id" ("${id}") is only allowed at the root of the schema.`,
  }),
  'ref-cycle': ({ ref }) => ({
    da: `Referencen «${ref}» fører i ring tilbage til sig selv uden at gå et niveau ned i data; skemaet kan aldrig blive færdigt med at kontrollere.`,
    en: `The reference "${ref}" leads back to itself without descending into the data; checking could never finish.`,
  }),
  'too-complex': ({ evaluations, maxEvaluations }) => ({
    da: `Skemaet kan kræve ${evaluations > 1e15 ? 'astronomisk mange' : evaluations} delskema-kontroller af én værdi (via allOf/anyOf/oneOf/$ref); højst ${maxEvaluations} er tilladt.`,
    en: `The schema can take ${evaluations > 1e15 ? 'astronomically many' : evaluations} subschema evaluations of one value (through allOf/anyOf/oneOf/$ref); at most ${maxEvaluations} are allowed.`,
  }),
  'unique-items-unbounded': ({ maxUniqueItems }) => ({
    da: `«uniqueItems» sammenligner alle elementer parvis; sæt «maxItems» til højst ${maxUniqueItems}, eller giv elementerne en simpel type (tekst, tal).`,
    en: `"uniqueItems" compares every pair of items; set "maxItems" to at most ${maxUniqueItems}, or give the items a simple type (string, number).`,
  }),
  'enum-too-large': ({ count, maxEnum }) => ({
    da: `«enum» har ${count} værdier; højst ${maxEnum} er tilladt.`,
    en: `"enum" has ${count} values; at most ${maxEnum} are allowed.`,
  }),
};

/** A problem with its texts in Danish and English. */
export function untrustedProblem<C extends UntrustedProblemCode>(
  path: string,
  code: C,
  params: UntrustedParams[C],
): UntrustedProblem {
  const messages = TEXTS[code](params);
  return { path, code, message: messages.en, messages };
}
