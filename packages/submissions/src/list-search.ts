import { searchFold, sensitiveFieldsWithin, type SensitiveField, type SubmissionSearch } from '@skema/core';
import type { SubmissionsDeps } from './deps.js';
import type { ListCaseLookup } from './list-view.js';

/** Longest search text taken (longer is refused as invalid input by the route's schema). */
export const SEARCH_MAX_LENGTH = 100;

type FieldsOf = (formId: string, version: string) => readonly SensitiveField[] | undefined;

/**
 * The policy's fields that a search may look in, by form id: only pointers under which no
 * version of the form has a sensitive field (CPR numbers, `x-skema-sensitive`), neither at the
 * pointer, inside it nor around it. A form whose sensitive fields cannot be told for some version
 * is left out. So a search by a CPR number matches nothing it could reveal: the stores compare the
 * text only with the string at these very pointers (`matchesSearch`).
 */
export function searchableFields(
  listFields: Readonly<Record<string, readonly string[]>>,
  versionsOf: (formId: string) => readonly string[],
  fieldsOf: FieldsOf,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [formId, named] of Object.entries(listFields)) {
    const versions = versionsOf(formId);
    const sensitive = versions.map((v) => fieldsOf(formId, v));
    if (versions.length === 0 || sensitive.some((f) => f === undefined)) continue;
    const safe = named.filter(
      (pointer) => pointer !== '' && sensitive.every((f) => sensitiveFieldsWithin(f ?? [], pointer).length === 0),
    );
    if (safe.length) out[formId] = safe;
  }
  return out;
}

/**
 * Builds the store's search from the caller's text over what the list shows them: the
 * kvitteringsnummer (the id), the form's title as the tenant sees it, the case's id and title,
 * and the policy's visible data fields (the child's name). Nothing else: not the case's borger,
 * not hidden fields, never a CPR number. Undefined for an empty text.
 */
export async function buildSearch(
  deps: Pick<SubmissionsDeps, 'forms'>,
  tenantId: string,
  text: string,
  sources: {
    listFields: Readonly<Record<string, readonly string[]>>;
    fieldsOf: FieldsOf;
    cases?: ListCaseLookup | undefined;
  },
): Promise<SubmissionSearch | undefined> {
  const needle = searchFold(text.trim()).slice(0, SEARCH_MAX_LENGTH);
  if (needle === '') return undefined;
  const forms = deps.forms();
  const summaries = forms.summaries(tenantId);
  const formIds = summaries
    .filter((f) => searchFold(f.title.da).includes(needle) || searchFold(f.title.en).includes(needle))
    .map((f) => f.id);
  const versionsOf = (formId: string) => summaries.find((f) => f.id === formId)?.versions.map((v) => v.version) ?? [];
  const ids = sources.cases ? await sources.cases.submissionsOfCasesMatching(tenantId, needle) : [];
  return { text: needle, formIds, ids, fields: searchableFields(sources.listFields, versionsOf, sources.fieldsOf) };
}
