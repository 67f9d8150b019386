/**
 * A Danish phone number: 8 digits, optionally after `+45` or `0045`, with single spaces allowed
 * between digits and after the prefix (`+45 12 34 56 78`, `1234 5678`, `004512345678`).
 * Only the length is checked, not the numbering plan, so fictitious test numbers pass.
 */
const DK_PHONE = /^(?:(?:\+45|0045) ?)?(?:\d ?){7}\d$/;

export function isDanishPhone(value: unknown): value is string {
  return typeof value === 'string' && DK_PHONE.test(value);
}

/** The 8 national digits, or undefined when the value is not a Danish phone number. */
function nationalDigits(value: unknown): string | undefined {
  if (!isDanishPhone(value)) return undefined;
  return value.replace(/^(?:\+45|0045)/, '').replace(/ /g, '');
}

/** E.164 (`+4512345678`) for storage and comparison, or undefined for anything else. */
export function normalizeDanishPhone(value: unknown): string | undefined {
  const digits = nationalDigits(value);
  return digits === undefined ? undefined : `+45${digits}`;
}

/** The usual display form `12 34 56 78`, or undefined for anything else. */
export function formatDanishPhone(value: unknown): string | undefined {
  return nationalDigits(value)?.replace(/(\d{2})(?=\d)/g, '$1 ');
}
