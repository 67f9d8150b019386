import { valueAtPointer } from './pointer.js';

// Where the forms keep the person a form is about (the child, the young person or the citizen).
const PEOPLE = ['/barn', '/barnet', '/borger', '/sag/barn', '/sag/borger', '/sag/barnet'];

function nameOf(person: unknown): string | undefined {
  if (person === null || typeof person !== 'object') return undefined;
  const p = person as Record<string, unknown>;
  if (typeof p.navn === 'string' && p.navn.trim()) return p.navn.trim();
  const parts = [p.fornavn, p.efternavn].filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * The name of the person the form is about, as the submitter typed it, for the receipt they see
 * right after submitting (never a CPR number). Lists follow the tenant's list policy instead.
 */
export function receiptSubject(data: unknown): string | undefined {
  for (const pointer of PEOPLE) {
    const name = nameOf(valueAtPointer(data, pointer));
    if (name) return name;
  }
  return undefined;
}
