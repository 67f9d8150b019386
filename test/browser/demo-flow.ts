import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { api, repoRoot } from './harness.js';

interface Created {
  submission: { id: string; status: string; data: Record<string, unknown>; approvals?: Array<Record<string, unknown>> };
}

/** A realistic underretning (one of the form's own examples) that lacks the observations: fails UND-02. */
export function underretningWithoutObservations(): Record<string, unknown> {
  const file = resolve(repoRoot, 'schemas/underretning/1.0.0/examples/invalid/und-02-mangler-iagttagelser.json');
  const example = JSON.parse(readFileSync(file, 'utf8')) as { data: Record<string, unknown> };
  return example.data;
}

/** Stores it as a draft (drafts are only type-checked), as a caseworker who saved half-way would. */
export async function createDraft(base: string, data: unknown): Promise<string> {
  const created = await api<Created>(base, '/submissions', {
    method: 'POST',
    body: JSON.stringify({ formId: 'underretning', version: '1.0.0', data, status: 'draft' }),
  });
  return created.submission.id;
}

export async function getSubmission(base: string, id: string): Promise<Created['submission']> {
  const body = await api<Created['submission'] | Created>(base, `/submissions/${id}`);
  return 'submission' in body ? body.submission : body;
}

export const OBSERVATIONS = 'Emil sagde ved arbejdsmødet den 12. maj, at han ikke tør gå hjem efter skole.';
