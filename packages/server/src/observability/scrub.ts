/**
 * CPR-like numbers (ddmmyy-xxxx or 10 digits in a row) in log text are replaced. A defence in
 * depth: the server never logs bodies, but an error message could quote a value.
 */
const CPR_LIKE = /(?<!\d)\d{6}-?\d{4}(?!\d)/g;
export const CPR_MASK = '[cpr-redacted]';

export function scrubText(text: string): string {
  return text.replace(CPR_LIKE, CPR_MASK);
}

export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrubText(value.message), stack: value.stack ? scrubText(value.stack) : undefined };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
  return out;
}
