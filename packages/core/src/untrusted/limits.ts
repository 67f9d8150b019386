/** Bounds for schemas and overlays uploaded by tenants (untrusted input). */
export interface UntrustedLimits {
  /** Serialized size in bytes. */
  maxBytes: number;
  /** Nesting depth of objects and arrays. */
  maxDepth: number;
  /** Total number of object keys anywhere in the document. */
  maxKeys: number;
  /** Length of one regular expression source. */
  maxPatternLength: number;
  /**
   * Subschema evaluations one instance value may cost, counted through `allOf`/`anyOf`/`oneOf`,
   * `not`, `if`/`then`/`else`, `dependentSchemas` and `$ref` (30 nested `anyOf`s of two refs are 2^30).
   */
  maxEvaluations: number;
  /** `uniqueItems` over objects or arrays compares every pair: only with `maxItems` at most this. */
  maxUniqueItems: number;
  /** Values of one `enum`. */
  maxEnum: number;
  /** `maxItems` given at validation to every array of an untrusted form that sets none (or a larger one). */
  maxArrayItems: number;
}

export const DEFAULT_UNTRUSTED_LIMITS: UntrustedLimits = {
  maxBytes: 512 * 1024,
  maxDepth: 32,
  maxKeys: 10_000,
  maxPatternLength: 500,
  // The shipped national forms need at most a few dozen; see schema-budget.test.ts.
  maxEvaluations: 1_000,
  maxUniqueItems: 1_000,
  maxEnum: 1_000,
  maxArrayItems: 10_000,
};
