import type { SubmissionListItem } from '@skema/client';

/**
 * The name a list row shows for whom the submission concerns: the first text the tenant's list
 * policy lets the list show (the demo tenants' policy names only the child's or borger's name
 * per form, schemas/tenants/development-list-policy.json). Undefined when the policy shows nothing.
 */
export function subjectName(data: unknown): string | undefined {
  if (typeof data === 'string') return data.trim() === '' ? undefined : data;
  if (Array.isArray(data)) {
    for (const item of data as unknown[]) {
      const found = subjectName(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof data === 'object' && data !== null) {
    for (const value of Object.values(data)) {
      const found = subjectName(value);
      if (found) return found;
    }
  }
  return undefined;
}

/** «Oprettet af»: a person's name, or the API key that created the submission. */
export function creatorText(item: Pick<SubmissionListItem, 'creator' | 'createdBy'>): string {
  if (!item.creator) return item.createdBy;
  return item.creator.kind === 'person' ? item.creator.label : `API-nøgle ${item.creator.label}`;
}
