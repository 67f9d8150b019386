/**
 * CPR-like numbers (ddmmyy-xxxx or 10 digits in a row; the dash may be URL-encoded as `%2D`) are
 * replaced. The one scrubber for everything written about a request: log messages and fields,
 * logged paths, and audit entries' details. A defence in depth: nothing logs bodies, but a path
 * (`/submissions/010118-9901`), a query filter or an error message can quote one.
 */
const CPR_LIKE = /(?<!\d)\d{6}(?:-|%2[dD])?\d{4}(?!\d)/g;
export const CPR_MASK = '[cpr-redacted]';

export function scrubText(text: string): string {
  return text.replace(CPR_LIKE, CPR_MASK);
}

export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  if (value instanceof Error)
    return {
      type: value.name,
      message: scrubText(value.message),
      stack: value.stack ? scrubText(value.stack) : undefined,
    };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
  return out;
}

/** Audit entry details with every CPR-like number replaced (details name filters and references, never data). */
export function scrubDetails<T extends Record<string, unknown>>(details: T): T {
  return scrubValue(details) as T;
}
