/**
 * A text search in a submission list, built by the list use case from what the caller may see
 * (`@skema/submissions`): the store never decides what is searchable, it only matches. A
 * submission matches when the text is in its id (the kvitteringsnummer), when its form is one of
 * `formIds` (the form's title matched), when its id is one of `ids` (e.g. its case's title
 * matched), or when the string at one of `fields[formId]` contains the text. Case-insensitive
 * substring matching; every store matches the same way (`matchesSearch`).
 */
export interface SubmissionSearch {
  /** Lower-cased, trimmed, 1–100 characters. */
  text: string;
  formIds: readonly string[];
  ids: readonly string[];
  /**
   * Data pointers whose string value is searched, by form id. `*` stands for every element of an
   * array. Only a string at the pointer itself counts: an object or array there never matches.
   */
  fields: Readonly<Record<string, readonly string[]>>;
}

/** Lower case as every store compares (PostgreSQL's `lower()` under a UTF-8 locale agrees for Danish letters). */
export function searchFold(text: string): string {
  return text.toLowerCase();
}

const unescapeSegment = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** The segments of a search pointer (`/soeskende/*\/navn` → `['soeskende', '*', 'navn']`). */
export function searchSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeSegment);
}

/**
 * Every string the pattern finds in the data: `*` steps into each element of an array, any other
 * segment into an object's member (never an array's element, as PostgreSQL's strict JSON path).
 */
export function stringsAt(data: unknown, segments: readonly string[]): string[] {
  let nodes: unknown[] = [data];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if (segment === '*') {
        if (Array.isArray(node)) next.push(...(node as unknown[]));
      } else if (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, segment)) {
        next.push((node as Record<string, unknown>)[segment]);
      }
    }
    nodes = next;
  }
  return nodes.filter((n): n is string => typeof n === 'string');
}

/** Whether a submission passes the search (memory and embedded stores; PostgreSQL does the same in SQL). */
export function matchesSearch(
  submission: { id: string; formId: string; data: unknown },
  search: SubmissionSearch,
): boolean {
  const needle = search.text;
  if (searchFold(submission.id).includes(needle)) return true;
  if (search.formIds.includes(submission.formId) || search.ids.includes(submission.id)) return true;
  const fields = Object.hasOwn(search.fields, submission.formId) ? search.fields[submission.formId] : undefined;
  return (fields ?? []).some((p) =>
    stringsAt(submission.data, searchSegments(p)).some((s) => searchFold(s).includes(needle)),
  );
}
