import type {
  CalendarOptions,
  DerivedDeadline,
  FormManifest,
  FormSummary,
  FormVersion,
  Locale,
  RuleOptionsByRule,
  Submission,
  SubmissionListItem,
  SubmissionStatus,
  ValidationIssue,
  ValidationReceipt,
  ValidationResult,
} from '@skema/core';

/** One problem in a 422 (or 403) answer: `application/problem+json` member `issues[]`. */
export interface ProblemIssue {
  path: string;
  code: string;
  message: string;
  severity?: 'error' | 'warning';
}

/** An HTTP failure with the server's problem details. */
export class SkemaApiError extends Error {
  override readonly name = 'SkemaApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ProblemIssue[] = [],
    readonly type?: string,
    /** The whole problem document, for callers that read its extension members. */
    readonly problem: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** What the API returns for a stored submission. */
export interface SubmissionWriteResult {
  submission: Submission;
  receipt: ValidationReceipt;
  warnings: ValidationIssue[];
  deadlines: DerivedDeadline[];
  pendingApprovals?: string[];
  /** The entity tag to send as If-Match with the next change. */
  etag?: string;
}

export interface SubmissionListFilter {
  formId?: string;
  version?: string;
  status?: SubmissionStatus;
  updatedSince?: string;
  cursor?: string;
  limit?: number;
}

export interface SubmissionRevisionView {
  revision: number;
  action: string;
  by: string;
  at: string;
  status: SubmissionStatus;
  formId: string;
  version: string;
  changes: Array<Record<string, unknown>>;
}

/** `https://host` and `https://host/api/v1` both name the API; '' is the page's own origin. */
export function apiBase(apiUrl = ''): string {
  const trimmed = apiUrl.replace(/\/+$/, '');
  return /\/api\/v\d+$/.test(trimmed) ? trimmed : `${trimmed}/api/v1`;
}

/** The form version response: either `{ manifest, … }` or the manifest's members at the top level. */
export function toFormVersion(body: Record<string, unknown>): FormVersion {
  const manifest = (body.manifest as FormManifest | undefined) ?? {
    id: body.id as string,
    version: body.version as string,
    title: body.title as FormManifest['title'],
    ...(body.description ? { description: body.description as FormManifest['description'] } : {}),
    status: (body.status as FormManifest['status']) ?? 'published',
    plugins: (body.plugins as FormManifest['plugins']) ?? [],
    changelog: (body.changelog as FormManifest['changelog']) ?? '',
    // The form's (or tenant overlay's) rule options: the engine applies them, as the server does.
    ...(body.ruleOptions ? { ruleOptions: body.ruleOptions as FormManifest['ruleOptions'] } : {}),
  };
  return {
    manifest,
    schema: body.schema as Record<string, unknown>,
    uischema: body.uischema as Record<string, unknown>,
    i18n: body.i18n as FormVersion['i18n'],
    hash: body.hash as string,
  };
}

/** A member of a response body that is a JSON object, else undefined. */
function objectMember<T>(body: Record<string, unknown>, key: string): T | undefined {
  const value = body[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;
}

/**
 * The tenant's rule options in a form version response (sent only with an API key whose tenant
 * configures any), for the browser engine's `validate(…, { ruleOptions })`.
 */
export function tenantRuleOptionsOf(body: Record<string, unknown>): RuleOptionsByRule | undefined {
  return objectMember<RuleOptionsByRule>(body, 'tenantRuleOptions');
}

/**
 * The tenant's working-day calendar options in a form version response (sent only when the token's
 * tenant sets any), for `engine.calendarFor(…)`, so deadlines fall on the server's days.
 */
export function tenantCalendarOf(body: Record<string, unknown>): CalendarOptions | undefined {
  return objectMember<CalendarOptions>(body, 'tenantCalendar');
}

/** A form version as the API gives it to the caller: the form, and its tenant's rule and calendar options if any. */
export interface LoadedFormVersion {
  form: FormVersion;
  tenantRuleOptions?: RuleOptionsByRule;
  tenantCalendar?: CalendarOptions;
}

/** A small client for the Skema API, shared by the component, the web component and the demo. */
export class SkemaApiClient {
  readonly base: string;

  constructor(
    apiUrl = '',
    private readonly token?: string,
    private readonly locale: Locale = 'da',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {
    this.base = apiBase(apiUrl);
  }

  /**
   * Any call of the API (for endpoints this client has no method for): the parsed JSON body, or a
   * SkemaApiError carrying the problem document. An aborted call rejects with the AbortError itself.
   */
  async send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return (await this.request<T>(method, path, body, {}, signal)).body;
  }

  private async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<{ body: T; etag?: string }> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.base + path, {
        method,
        headers: {
          Accept: 'application/json, application/problem+json',
          'Accept-Language': this.locale,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (cause) {
      if ((cause as Error).name === 'AbortError') throw cause;
      throw new SkemaApiError(0, (cause as Error).message || 'Network error');
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const problem = (parsed ?? {}) as { title?: string; detail?: string; issues?: ProblemIssue[]; type?: string };
      throw new SkemaApiError(response.status, problem.detail ?? problem.title ?? `HTTP ${response.status}`, problem.issues ?? [], problem.type, problem);
    }
    const etag = response.headers.get('ETag') ?? undefined;
    return { body: parsed as T, ...(etag ? { etag } : {}) };
  }

  async listForms(): Promise<FormSummary[]> {
    const { body } = await this.request<{ items: FormSummary[] }>('GET', '/forms');
    return body.items;
  }

  async getForm(formId: string, version = 'latest'): Promise<FormVersion> {
    return (await this.getFormVersion(formId, version)).form;
  }

  /** The form version with the tenant's rule and calendar options (present only when the token's tenant has any). */
  async getFormVersion(formId: string, version = 'latest'): Promise<LoadedFormVersion> {
    const { body } = await this.request<Record<string, unknown>>('GET', `/forms/${enc(formId)}/versions/${enc(version)}`);
    const tenantRuleOptions = tenantRuleOptionsOf(body);
    const tenantCalendar = tenantCalendarOf(body);
    return { form: toFormVersion(body), ...(tenantRuleOptions ? { tenantRuleOptions } : {}), ...(tenantCalendar ? { tenantCalendar } : {}) };
  }

  async validate(formId: string, version: string, data: unknown): Promise<ValidationResult> {
    const { body } = await this.request<ValidationResult>('POST', `/forms/${enc(formId)}/versions/${enc(version)}/validate`, data);
    return body;
  }

  async createSubmission(input: { formId: string; version: string; data: unknown; status: 'draft' | 'submitted' }, idempotencyKey?: string): Promise<SubmissionWriteResult> {
    const { body, etag } = await this.request<SubmissionWriteResult>('POST', '/submissions', input, idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {});
    return { ...body, ...(etag ? { etag } : {}) };
  }

  async updateSubmission(id: string, input: { data: unknown; version?: string }, etag: string): Promise<SubmissionWriteResult> {
    const { body, etag: next } = await this.request<SubmissionWriteResult>('PUT', `/submissions/${enc(id)}`, input, { 'If-Match': etag });
    return { ...body, ...(next ? { etag: next } : {}) };
  }

  async changeStatus(id: string, status: SubmissionStatus, etag: string): Promise<SubmissionWriteResult> {
    const { body, etag: next } = await this.request<SubmissionWriteResult>('POST', `/submissions/${enc(id)}/status`, { status }, { 'If-Match': etag });
    return { ...body, ...(next ? { etag: next } : {}) };
  }

  /**
   * Submissions of the token's tenant, newest first. List items leave sensitive values out (CPR
   * numbers, fields tagged `x-skema-sensitive`, spec DP-02) and name them in `redacted`; read one
   * submission for its whole data.
   */
  async listSubmissions(filter: SubmissionListFilter = {}): Promise<{ items: SubmissionListItem[]; nextCursor?: string }> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') query.set(key, String(value));
    const qs = query.toString();
    const { body } = await this.request<{ items: SubmissionListItem[]; nextCursor?: string }>('GET', `/submissions${qs ? `?${qs}` : ''}`);
    return body;
  }

  async getSubmission(id: string): Promise<{ submission: Submission; etag?: string }> {
    const { body, etag } = await this.request<Submission | { submission: Submission }>('GET', `/submissions/${enc(id)}`);
    const submission = 'submission' in body ? body.submission : body;
    return { submission, ...(etag ? { etag } : {}) };
  }

  async getRevisions(id: string): Promise<SubmissionRevisionView[]> {
    const { body } = await this.request<{ items: SubmissionRevisionView[] } | SubmissionRevisionView[]>('GET', `/submissions/${enc(id)}/revisions`);
    return Array.isArray(body) ? body : body.items;
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
