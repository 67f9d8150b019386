import type { AuditEntry } from './store.js';

/** A case is open while work goes on; a closed case takes no new submissions. */
export type CaseStatus = 'open' | 'closed';

/**
 * Who the case is about. One of `cpr`, `substituteCpr` or `birthDate` identifies the person when a
 * CPR number is missing (spec: «intet CPR-nummer» with a birth date). Personal data: never in audit
 * details, logs or list answers beyond what the caller may see.
 */
export interface CaseBorger {
  name: string;
  cpr?: string;
  substituteCpr?: string;
  /** YYYY-MM-DD, when the borger has no (known) CPR number. */
  birthDate?: string;
}

/** A submission's membership of a case: its form is kept so a list can filter by form without reading submissions. */
export interface CaseMember {
  submissionId: string;
  formId: string;
  attachedAt: string;
}

/** One tenant's case (sag) about one borger, with the team that works on it and its submissions. */
export interface CaseRecord {
  id: string;
  tenantId: string;
  title: string;
  borger: CaseBorger;
  /** Actor ids of the people working on the case: the need-to-know group. */
  team: string[];
  status: CaseStatus;
  /** In the order they were attached. A submission belongs to at most one case. */
  submissions: CaseMember[];
  /** Starts at 1 and grows by one with every stored change. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

export interface CaseChange {
  /** The change applies only when the stored revision is this one. */
  expectedRevision: number;
  title?: string;
  borger?: CaseBorger;
  team?: string[];
  status?: CaseStatus;
  /** Submissions to add; one already in another case is refused with `CaseMembershipError`. */
  attach?: CaseMember[];
  by: string;
  at: string;
}

export interface CaseFilter {
  status?: CaseStatus;
  /** Only cases whose team has this actor id. */
  member?: string;
  /** Only cases with a submission of this form. */
  formId?: string;
  /** Case-insensitive substring of the title or the borger's name. */
  text?: string;
  /** Page size, 1–100 (default 50). */
  limit?: number;
  cursor?: string;
}

export interface CasePage {
  items: CaseRecord[];
  nextCursor?: string;
}

/**
 * Persistence for cases; every write stores the case and its audit entry together or not at all.
 * Reads are scoped by tenant: another tenant's case reads as absent. Lists are newest change
 * first (then by id).
 */
export interface CaseStore {
  createCase(record: CaseRecord, audit: Omit<AuditEntry, 'id'>): Promise<CaseRecord>;
  getCase(tenantId: string, id: string): Promise<CaseRecord | undefined>;
  /** Throws `RevisionConflictError`, `NotFoundError`, or `CaseMembershipError` for a submission in another case. */
  updateCase(tenantId: string, id: string, change: CaseChange, audit: Omit<AuditEntry, 'id'>): Promise<CaseRecord>;
  listCases(tenantId: string, filter: CaseFilter): Promise<CasePage>;
  /** The case a submission belongs to, if any. */
  caseOfSubmission(tenantId: string, submissionId: string): Promise<string | undefined>;
}

/** A submission attached to a case while it belongs to another (or twice to one). */
export class CaseMembershipError extends Error {
  override readonly name = 'CaseMembershipError';
  constructor(
    readonly submissionId: string,
    readonly caseId: string,
  ) {
    super(`Submission ${submissionId} already belongs to case ${caseId}`);
  }
}

/** The changed case: fields replaced, members appended (the caller checked membership). */
export function applyCaseChange(current: CaseRecord, change: CaseChange): CaseRecord {
  return {
    ...current,
    ...(change.title !== undefined ? { title: change.title } : {}),
    ...(change.borger !== undefined ? { borger: change.borger } : {}),
    ...(change.team !== undefined ? { team: [...change.team] } : {}),
    ...(change.status !== undefined ? { status: change.status } : {}),
    submissions: [...current.submissions, ...(change.attach ?? [])],
    revision: current.revision + 1,
    updatedAt: change.at,
    updatedBy: change.by,
  };
}

/** Whether a case passes a filter (every store filters the same way). */
export function caseMatches(record: CaseRecord, filter: CaseFilter): boolean {
  if (filter.status && record.status !== filter.status) return false;
  if (filter.member && !record.team.includes(filter.member)) return false;
  if (filter.formId && !record.submissions.some((s) => s.formId === filter.formId)) return false;
  if (filter.text) {
    const needle = filter.text.toLocaleLowerCase('da');
    if (
      !record.title.toLocaleLowerCase('da').includes(needle) &&
      !record.borger.name.toLocaleLowerCase('da').includes(needle)
    )
      return false;
  }
  return true;
}

/** List order: newest change first, then id. */
export function compareCases(a: CaseRecord, b: CaseRecord): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Pages a sorted, filtered list; the cursor is the last item's `updatedAt|id` (browser-safe: core runs in the browser too). */
export function pageCases(sorted: readonly CaseRecord[], filter: Pick<CaseFilter, 'limit' | 'cursor'>): CasePage {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 100);
  let start = 0;
  if (filter.cursor) {
    const [at, id] = decodeURIComponent(filter.cursor).split('|');
    start = sorted.findIndex((c) => c.updatedAt < (at ?? '') || (c.updatedAt === at && c.id > (id ?? '')));
    if (start < 0) start = sorted.length;
  }
  const items = sorted.slice(start, start + limit);
  const last = items[items.length - 1];
  return start + limit < sorted.length && last
    ? { items, nextCursor: encodeURIComponent(`${last.updatedAt}|${last.id}`) }
    : { items };
}
