/**
 * What the field shows while someone types a CPR number: digits only, the hyphen put in after
 * the sixth digit (DDMMÅÅ-XXXX), at most ten digits.
 */
export function formatCprInput(raw: string): string {
  const digits = raw.replace(/\D/g, '').slice(0, 10);
  return digits.length > 6 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}
