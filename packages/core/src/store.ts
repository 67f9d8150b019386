import type { ValidationReceipt } from './issues.js';
import type { OutboxEvent } from './outbox.js';
import type { SubmissionSearch } from './submission-search.js';

export type SubmissionStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** Who did something: the API key's identity, never a person's CPR. */
export interface Actor {
  id: string;
  /** The person's name, when the caller knows it. */
  name?: string;
  roles: readonly string[];
  /**
   * A signed-in person or a system (an API key). Only a person can approve or co-sign; absent is
   * read as a system.
   */
  kind?: 'person' | 'system';
  /** A person's subject at the identity provider (the token's `sub`). */
  subject?: string;
}

export interface Submission {
  id: string;
  tenantId: string;
  formId: string;
  version: string;
  status: SubmissionStatus;
  data: unknown;
  /** Starts at 1 and grows by one with every stored change. */
  revision: number;
  receipt: ValidationReceipt;
  createdAt: string;
  updatedAt: string;
  /**
   * When the submission entered its current status: its creation, or the last update that changed
   * the status (edits, migrations and legal holds leave it alone). Retention counts from it. Every
   * store sets it; optional only for records built before the field existed (readers then fall back
   * to `updatedAt`).
   */
  statusChangedAt?: string;
  createdBy: string;
  updatedBy: string;
  /** Blocks deletion by retention (spec Q17). */
  legalHold?: boolean;
  /**
   * Approvals and co-signatures that count now: recorded since the content or the status last
   * changed (an edit, a migration or a new status voids them; a legal hold does not). Absent when
   * there are none, and on records stored before approvals were data.
   */
  approvals?: Approval[];
  /**
   * Actor ids of the people assigned to the submission (set by a leder): besides its creator and
   * the case team, they may see it (see the access policy in `@skema/submissions`). Absent when none.
   */
  assignees?: string[];
}

/** One approval or co-signature, as data on the submission and its revision (who, as what, when, for which decision). */
export interface Approval {
  /** The actor's id (the API key id). */
  actorId: string;
  /** The person's name, when the caller knows it. */
  actorName?: string;
  /** The role the approval was given in, e.g. `fagkonsulent`. */
  role: string;
  /** ISO date-time. */
  at: string;
  /** The status the approval is for, e.g. `approved`. */
  decision: SubmissionStatus;
  /** The revision that recorded it. */
  revision: number;
  /**
   * `person`: given by a signed-in person (an OIDC subject), the only kind that counts as an
   * approval. Absent on approvals recorded before approvals were acts of people: they do not count.
   */
  kind?: 'person' | 'system';
  /** The person's subject at the identity provider. */
  subject?: string;
  /** What the person wrote with the decision (no CPR numbers). */
  comment?: string;
}

/** One RFC 6902 operation, as revisions record their changes. */
export interface JsonPatchOperation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/**
 * What kind of change made a revision. `legal-hold` sets or releases a legal hold and changes
 * nothing else, so it is no content change (pending approvals survive it).
 */
export type RevisionAction = 'create' | 'update' | 'status' | 'migrate' | 'legal-hold' | 'approval' | 'assign';

/** One stored state of a submission. Revision 1 is the creation. */
export interface SubmissionRevision {
  submissionId: string;
  revision: number;
  formId: string;
  version: string;
  status: SubmissionStatus;
  data: unknown;
  receipt: ValidationReceipt;
  by: string;
  at: string;
  /** RFC 6902 operations from the previous revision to this one (empty for revision 1). */
  changes: JsonPatchOperation[];
  /** What kind of change made this revision. */
  action: RevisionAction;
  /** The submission's approvals as of this revision (absent when none). */
  approvals?: Approval[];
}

export type AuditAction =
  | 'create'
  | 'read'
  | 'update'
  | 'status'
  | 'migrate'
  | 'legal-hold'
  | 'approval'
  | 'assign'
  | 'delete'
  | 'list'
  | 'form-config.draft'
  | 'form-config.publish'
  | 'form-config.deprecate'
  | 'case.create'
  | 'case.read'
  | 'case.list'
  | 'case.update'
  | 'case.attach'
  | 'case.close'
  | 'attachment.create'
  | 'attachment.read'
  | 'attachment.delete';

export interface AuditEntry {
  id: string;
  tenantId: string;
  at: string;
  actor: string;
  action: AuditAction;
  submissionId?: string;
  /** Non-personal details: revision numbers, status names, form ids. Never submission data. */
  details?: Record<string, unknown>;
}

export interface NewSubmission {
  id: string;
  tenantId: string;
  formId: string;
  version: string;
  status: SubmissionStatus;
  data: unknown;
  receipt: ValidationReceipt;
  by: string;
  at: string;
  /** Outbox events stored in the same write (see `OutboxStore`); none when absent. */
  events?: OutboxEvent[];
}

export interface SubmissionChange {
  /** The change applies only when the stored revision is this one (optimistic concurrency). */
  expectedRevision: number;
  data?: unknown;
  /** A status other than the stored one also moves `statusChangedAt` to `at`; the same status does not. */
  status?: SubmissionStatus;
  version?: string;
  receipt: ValidationReceipt;
  /** Only with action `legal-hold`. */
  legalHold?: boolean;
  /**
   * Recorded as the revision's action. A hold change is explicit: action `legal-hold` with
   * `legalHold` and no data, status or version; stores refuse any other mix (`assertChangeShape`).
   */
  action: RevisionAction;
  changes: JsonPatchOperation[];
  /**
   * Replaces the submission's approvals (`[]` clears them); left out, they are kept. The caller
   * decides what voids them, so every store keeps the same simple rule.
   */
  approvals?: Approval[];
  /** Replaces the submission's assignees (`[]` clears them); left out, they are kept. Only with action `assign`. */
  assignees?: string[];
  by: string;
  at: string;
  /** Outbox events stored in the same write (see `OutboxStore`); none when absent. */
  events?: OutboxEvent[];
}

export interface SubmissionFilter {
  formId?: string;
  version?: string;
  status?: SubmissionStatus;
  /** ISO date-time; only submissions updated at or after it. */
  updatedSince?: string;
  /** A text search over what the caller may see in the list, built by the list use case (see `SubmissionSearch`). */
  search?: SubmissionSearch;
  /** Page size, 1–100. */
  limit?: number;
  /** Opaque cursor from the previous page. */
  cursor?: string;
}

export interface SubmissionPage {
  items: Submission[];
  nextCursor?: string;
}

/**
 * A submission as the API's list gives it (spec DP-02): its sensitive values left out, and the
 * JSON Pointers of those values in `redacted`.
 */
export type SubmissionListItem = Submission & {
  redacted: string[];
  /** The case the submission belongs to (id and title), when it is in one. */
  caseSummary?: { id: string; title: string };
  /** Who created it: a signed-in person's name, or the API key's label (`system`). */
  creator?: { kind: 'person' | 'system'; label: string };
};

export interface AuditFilter {
  submissionId?: string;
  since?: string;
  limit?: number;
  cursor?: string;
}

export interface IdempotencyRecord {
  key: string;
  tenantId: string;
  /** Hash of the request body; the same key with another body is a client error. */
  requestHash: string;
  submissionId: string;
}

export interface StoreHealth {
  ok: boolean;
  store: string;
  details?: Record<string, unknown>;
}

/**
 * What `verifyAudit` found. Every audit entry carries the hash of the one before it, so a changed,
 * removed or inserted entry breaks the chain; a store also keeps the chain's head apart from the log,
 * so a log cut short is found too.
 */
export interface AuditVerification {
  ok: boolean;
  /** Entries whose link in the chain was checked. */
  checked: number;
  /**
   * The first damaged place: a file and line (embedded store) or a sequence number (PostgreSQL) and
   * why. Never an entry's content.
   */
  damage?: { where: string; reason: string };
}

export type CreateResult =
  | { created: true; submission: Submission }
  | { created: false; submission: Submission; idempotency: IdempotencyRecord };

/**
 * Persistence for submissions. Every write stores the submission, its revision and its audit entry
 * together or not at all. All reads are scoped by tenant: another tenant's id reads as absent.
 */
export interface SubmissionStore {
  readonly name: string;
  init(): Promise<void>;
  close(): Promise<void>;
  /**
   * Creates a submission. With an idempotency key already used by this tenant, stores nothing
   * and returns the earlier submission with the key's record (the caller compares request hashes).
   */
  create(
    input: NewSubmission,
    audit: Omit<AuditEntry, 'id'>,
    idempotency?: { key: string; requestHash: string },
  ): Promise<CreateResult>;
  get(tenantId: string, id: string): Promise<Submission | undefined>;
  /** Throws `RevisionConflictError` when the stored revision is not `change.expectedRevision`, `NotFoundError` when absent. */
  update(tenantId: string, id: string, change: SubmissionChange, audit: Omit<AuditEntry, 'id'>): Promise<Submission>;
  list(tenantId: string, filter: SubmissionFilter): Promise<SubmissionPage>;
  revisions(tenantId: string, id: string): Promise<SubmissionRevision[]>;
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  queryAudit(tenantId: string, filter: AuditFilter): Promise<{ items: AuditEntry[]; nextCursor?: string }>;
  /**
   * Removes a submission and its revisions (retention); the audit entry stays, and `events` are
   * stored in the same write. False (and nothing stored) when absent or on legal hold.
   */
  delete(tenantId: string, id: string, audit: Omit<AuditEntry, 'id'>, events?: OutboxEvent[]): Promise<boolean>;
  /** Checks the whole audit chain (all tenants); for operators and start-up, not for a request path. */
  verifyAudit(): Promise<AuditVerification>;
  health(): Promise<StoreHealth>;
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A create with an id that is already stored (in any tenant): nothing is overwritten. */
export class DuplicateSubmissionError extends Error {
  override readonly name = 'DuplicateSubmissionError';
  constructor(readonly submissionId: string) {
    super(`Submission ${submissionId} already exists`);
  }
}

export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError';
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Revision conflict: expected ${expected}, stored ${actual}`);
  }
}

/**
 * The store cannot do this now: not initialised, closing, stopped after an I/O error, or refusing
 * writes because its audit log is incomplete. The API answers 503.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** Stored data is damaged; `files` names where (files or tables and rows), never the content. */
export class StoreCorruptionError extends Error {
  override readonly name = 'StoreCorruptionError';
  constructor(
    message: string,
    readonly files: string[],
  ) {
    super(message);
  }
}
