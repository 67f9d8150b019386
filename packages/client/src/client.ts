import type { FormVersion, Locale, Wire } from '@skema/core';
import { loadedFormVersion, type LoadedFormVersion } from './form-version.js';
import type { FormData } from './form-types.js';
import { Transport, type TransportOptions } from './transport.js';

export type SkemaClientOptions = TransportOptions;

/** What a write answers with, and the entity tag to send as `If-Match` with the next change. */
export type WriteResult<D = unknown> = Wire.SubmissionWriteResult<D> & { etag?: string };

export interface SubmissionListFilter {
  formId?: string;
  version?: string;
  status?: Wire.SubmissionStatus;
  updatedSince?: string;
  /** Text search over what the list shows: kvitteringsnummer, form title, case id and title, the list policy's fields (never CPR). */
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface AuditFilter {
  submissionId?: string;
  since?: string;
  cursor?: string;
  limit?: number;
}

interface Signal {
  signal?: AbortSignal;
}

/**
 * The Skema API, typed. Form data is typed per form version (see `FormData`); every refusal is a
 * `SkemaApiError` with the problem document; reads, `If-Match` changes and creates with an
 * `Idempotency-Key` are retried on network failures, 429 and 502–504 (honouring `Retry-After`).
 */
export class SkemaClient {
  /** The HTTP layer, shared with `new SkemaAdminClient(client)` (kept apart so a portal's bundle leaves it out). */
  readonly transport: Transport;

  constructor(options: SkemaClientOptions = {}) {
    this.transport = new Transport(options);
  }

  /** The API's base URL, ending in `/api/v1`. */
  get base(): string {
    return this.transport.base;
  }

  /**
   * Any call of the API (for endpoints without a method here): the parsed JSON body, or a
   * SkemaApiError carrying the problem document.
   */
  async send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return (await this.transport.call<T>(method, path, { body, ...(signal ? { signal } : {}) })).body;
  }

  async listForms(options: Signal = {}): Promise<Wire.FormSummary[]> {
    return (await this.get<Wire.FormList>('/forms', options)).items;
  }

  /** The form version with the tenant's rule and calendar options (present only when the token's tenant has any). */
  async getFormVersion(formId: string, version = 'latest', options: Signal = {}): Promise<LoadedFormVersion> {
    return loadedFormVersion(
      await this.get<Wire.FormVersion>(`/forms/${enc(formId)}/versions/${enc(version)}`, options),
    );
  }

  async getForm(formId: string, version = 'latest', options: Signal = {}): Promise<FormVersion> {
    return (await this.getFormVersion(formId, version, options)).form;
  }

  /** The classified changes between two versions of a form and the version bump they need. */
  async diff(formId: string, from: string, to: string, options: Signal = {}): Promise<Wire.FormDiff> {
    return this.get(`/forms/${enc(formId)}/versions/${enc(from)}/diff/${enc(to)}`, options);
  }

  /** Validates without storing (no key needed; with one, the tenant's rule options apply). */
  async validate<F extends string, V extends string>(
    formId: F,
    version: V,
    data: FormData<F, V>,
    options: { mode?: 'draft' | 'submitted'; today?: string; caseId?: string } & Signal = {},
  ): Promise<Wire.ValidationResult> {
    const body: Wire.ValidateRequest<FormData<F, V>> = {
      data,
      ...(options.mode ? { mode: options.mode } : {}),
      ...(options.today ? { today: options.today } : {}),
      // In a case, cross-form rules compare the data with the case's other submissions.
      ...(options.caseId ? { caseId: options.caseId } : {}),
    };
    // Validation stores nothing, so it is as safe to repeat as a read.
    return (
      await this.transport.call<Wire.ValidationResult>(
        'POST',
        `/forms/${enc(formId)}/versions/${enc(version)}/validate`,
        { body, idempotent: true, ...signal(options) },
      )
    ).body;
  }

  /**
   * Creates a submission (`submitted` unless `status: 'draft'`). With an `idempotencyKey` the
   * create is safe to retry (the server answers a repeat with the first result), so it is retried.
   */
  async createSubmission<F extends string, V extends string>(
    formId: F,
    version: V,
    data: FormData<F, V>,
    options: { status?: 'draft' | 'submitted'; idempotencyKey?: string } & Signal = {},
  ): Promise<WriteResult<FormData<F, V>>> {
    const body: Wire.SubmissionCreate<FormData<F, V>> = {
      formId,
      version,
      data,
      status: options.status ?? 'submitted',
    };
    const headers: Record<string, string> = options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {};
    return written(
      await this.transport.call<Wire.SubmissionWriteResult<FormData<F, V>>>('POST', '/submissions', {
        body,
        headers,
        ...signal(options),
      }),
    );
  }

  async getSubmission<D = unknown>(
    id: string,
    options: Signal = {},
  ): Promise<{ submission: Wire.Submission<D>; etag?: string }> {
    const answer = await this.transport.call<Wire.Submission<D>>('GET', `/submissions/${enc(id)}`, signal(options));
    return { submission: answer.body, ...(answer.etag ? { etag: answer.etag } : {}) };
  }

  /**
   * Submissions of the token's tenant, newest first. List items carry only what the tenant's list
   * policy names (never sensitive values, spec DP-02) and name what was withheld in `redacted`.
   */
  async listSubmissions(filter: SubmissionListFilter = {}, options: Signal = {}): Promise<Wire.SubmissionPage> {
    return this.get(`/submissions${query(filter)}`, options);
  }

  /** Replaces the data (optionally moving to another version). `ifMatch`: the ETag read, or `*`. */
  async updateSubmission<D = Record<string, unknown>>(
    id: string,
    data: D,
    options: { ifMatch: string; version?: string } & Signal,
  ): Promise<WriteResult<D>> {
    const body: Wire.SubmissionUpdate<D> = { data, ...(options.version ? { version: options.version } : {}) };
    return written(
      await this.transport.call<Wire.SubmissionWriteResult<D>>('PUT', `/submissions/${enc(id)}`, {
        body,
        headers: { 'If-Match': options.ifMatch },
        ...signal(options),
      }),
    );
  }

  /** Moves the status (202 with `pendingApprovals` when a further approval is needed). */
  async changeStatus(
    id: string,
    status: Wire.SubmissionStatus,
    options: { ifMatch: string } & Signal,
  ): Promise<WriteResult> {
    const body: Wire.StatusChange = { status };
    return written(
      await this.transport.call<Wire.SubmissionWriteResult>('POST', `/submissions/${enc(id)}/status`, {
        body,
        headers: { 'If-Match': options.ifMatch },
        ...signal(options),
      }),
    );
  }

  /** Migrates the submission's data to a later version of its form, as a new revision. */
  async migrateSubmission(id: string, version: string, options: { ifMatch: string } & Signal): Promise<WriteResult> {
    const body: Wire.MigrateRequest = { version };
    return written(
      await this.transport.call<Wire.SubmissionWriteResult>('POST', `/submissions/${enc(id)}/migrate`, {
        body,
        headers: { 'If-Match': options.ifMatch },
        ...signal(options),
      }),
    );
  }

  /** Sets (`hold: true`) or releases a legal hold; the reason goes to the audit log (never personal data). */
  async setLegalHold(
    id: string,
    change: Wire.LegalHoldChange,
    options: { ifMatch: string } & Signal,
  ): Promise<{ submission: Wire.Submission; etag?: string }> {
    const answer = await this.transport.call<Wire.Submission>('PUT', `/submissions/${enc(id)}/legal-hold`, {
      body: change,
      headers: { 'If-Match': options.ifMatch },
      ...signal(options),
    });
    return { submission: answer.body, ...(answer.etag ? { etag: answer.etag } : {}) };
  }

  /**
   * Approves or rejects as the signed-in person (the client's token must be a person's; an API key
   * is refused with 403). The same approval again changes nothing.
   */
  async approve(
    id: string,
    approval: Wire.ApprovalRequest,
    options: { ifMatch: string } & Signal,
  ): Promise<{ submission: Wire.Submission; etag?: string }> {
    const answer = await this.transport.call<Wire.Submission>('POST', `/submissions/${enc(id)}/approvals`, {
      body: approval,
      headers: { 'If-Match': options.ifMatch },
      ...signal(options),
    });
    return { submission: answer.body, ...(answer.etag ? { etag: answer.etag } : {}) };
  }

  /** Who the API takes the token for (`GET /auth/me`): a person (with name and roles) or a system. */
  async me(options: Signal = {}): Promise<Wire.AuthMe> {
    return this.get('/auth/me', options);
  }

  async getRevisions(id: string, options: Signal = {}): Promise<Wire.Revision[]> {
    return (await this.get<Wire.RevisionList>(`/submissions/${enc(id)}/revisions`, options)).items;
  }

  /**
   * The archival PDF/A case document of a revision (default the current one) as a Blob, e.g. for
   * `URL.createObjectURL`: a plain link cannot carry the bearer token.
   */
  async documentPdf(id: string, options: { revision?: number; locale?: Locale } & Signal = {}): Promise<Blob> {
    const path = `/submissions/${enc(id)}/document.pdf${query({ revision: options.revision, locale: options.locale })}`;
    return (await this.transport.call<Blob>('GET', path, { accept: 'application/pdf', ...signal(options) })).body;
  }

  /** The tenant's audit log, newest first (role `auditor` or `admin`). */
  async listAudit(filter: AuditFilter = {}, options: Signal = {}): Promise<Wire.AuditPage> {
    return this.get(`/audit${query(filter)}`, options);
  }

  /** The rule catalogue: every rule and deadline with its severity, options and source. */
  async listRules(options: Signal = {}): Promise<Wire.Rule[]> {
    return (await this.get<Wire.RuleList>('/rules', options)).items;
  }

  private async get<T>(path: string, options: Signal): Promise<T> {
    return (await this.transport.call<T>('GET', path, signal(options))).body;
  }
}

function written<D>(answer: { body: Wire.SubmissionWriteResult<D>; etag?: string }): WriteResult<D> {
  return { ...answer.body, ...(answer.etag ? { etag: answer.etag } : {}) };
}

function signal(options: Signal): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

function query(filter: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export function enc(segment: string): string {
  return encodeURIComponent(segment);
}
