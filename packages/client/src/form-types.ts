import type { FormDataTypes, LatestFormDataTypes } from '@skema/types';

/**
 * Form data typed per form version, from the types `@skema/types` generates for every version of
 * the shipped forms (`FormDataTypes['underretning@1.0.1']`).
 */
type Known = keyof FormDataTypes;

/** The id of every shipped form: `underretning`, `henvendelsesskema`, … */
export type FormId = Known extends infer K ? (K extends `${infer F}@${string}` ? F : never) : never;

/** The versions of form `F`: `VersionOf<'underretning'>` is `'1.0.0' | '1.0.1' | '1.0.2'`. */
export type VersionOf<F extends string> = Known extends infer K ? (K extends `${F}@${infer V}` ? V : never) : never;

/**
 * The data of form `F` at version `V`: the generated type for an exact shipped version; for
 * `latest`, the latest version's; for a range (`^1.0.0`), any version of the form; for a form the
 * types do not know (a municipality's own form), any JSON object.
 */
export type FormData<F extends string, V extends string> = `${F}@${V}` extends Known
  ? FormDataTypes[`${F}@${V}`]
  : F extends keyof LatestFormDataTypes
    ? V extends 'latest'
      ? LatestFormDataTypes[F]
      : FormDataTypes[Extract<Known, `${F}@${string}`>]
    : Record<string, unknown>;
