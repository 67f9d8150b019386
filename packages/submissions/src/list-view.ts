import type { AuditEntry, Submission, SubmissionStore } from '@skema/core';

/** The case a listed submission belongs to: what the list shows of it (never its borger). */
export interface ListedCase {
  id: string;
  title: string;
}

/** Who created a listed submission: a signed-in person's name, or the API key (system) that did. */
export interface ListedCreator {
  kind: 'person' | 'system';
  label: string;
}

/** What the list reads of cases (the case use cases provide it; see `caseListLookup`). */
export interface ListCaseLookup {
  /** The case of each of these submissions that is in one. */
  casesOf(tenantId: string, submissionIds: readonly string[]): Promise<ReadonlyMap<string, ListedCase>>;
  /** The submissions of the cases whose id or title contains the (lower-cased) text; never matched on the borger. */
  submissionsOfCasesMatching(tenantId: string, text: string): Promise<string[]>;
}

const PERSON_PREFIX = 'oidc:';

/** A person's name as the audit recorded it when they acted on the submission (`details.person.name`). */
function personName(entries: readonly AuditEntry[], actor: string): string | undefined {
  for (const e of entries) {
    if (e.actor !== actor) continue;
    const person: unknown = e.details?.person;
    const name: unknown =
      typeof person === 'object' && person !== null ? (person as { name?: unknown }).name : undefined;
    if (typeof name === 'string' && name.trim() !== '') return name;
  }
  return undefined;
}

/**
 * The creators of listed submissions. A key's label is its id (the name the configuration gives
 * it); a person's name comes from the audit entries of the submission (the create entry records
 * it), one look-up per person and page; without a recorded name, the person's subject.
 */
export async function creatorsOf(
  store: SubmissionStore,
  tenantId: string,
  items: readonly Submission[],
): Promise<Map<string, ListedCreator>> {
  const out = new Map<string, ListedCreator>();
  const people = new Map<string, string>();
  for (const s of items) {
    if (out.has(s.createdBy)) continue;
    if (!s.createdBy.startsWith(PERSON_PREFIX)) {
      out.set(s.createdBy, { kind: 'system', label: s.createdBy });
      continue;
    }
    if (!people.has(s.createdBy)) people.set(s.createdBy, s.id);
    out.set(s.createdBy, { kind: 'person', label: s.createdBy.slice(PERSON_PREFIX.length) });
  }
  await Promise.all(
    [...people].map(async ([actor, submissionId]) => {
      const { items: entries } = await store.queryAudit(tenantId, { submissionId, limit: 20 });
      const name = personName(entries, actor);
      if (name) out.set(actor, { kind: 'person', label: name });
    }),
  );
  return out;
}
