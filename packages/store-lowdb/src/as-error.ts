/** A caught value as an Error, kept as the same object when it is one (what fs and this package throw). */
export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
