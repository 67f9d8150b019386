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
}

export const DEFAULT_UNTRUSTED_LIMITS: UntrustedLimits = {
  maxBytes: 512 * 1024,
  maxDepth: 32,
  maxKeys: 10_000,
  maxPatternLength: 500,
};
