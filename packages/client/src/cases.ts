import type { Wire } from '@skema/core';
import type { FormData } from './form-types.js';
import type { Transport } from './transport.js';

export interface CaseListFilter {
  status?: Wire.CaseStatus;
  /** Only cases whose team names this actor id. */
  member?: string;
  /** Only cases with a submission of this form. */
  formId?: string;
  /** Text in the title or the child's name. */
  q?: string;
  cursor?: string;
  limit?: number;
}

/** A case and the entity tag to send as `If-Match` with its next change. */
export type CaseAnswer = { case: Wire.Case; etag?: string };

/**
 * Cases (sager): one borger, the team and the submissions; prefill of a form from the case.
 * Over a `SkemaClient` (its key, language, timeouts and retries): `new SkemaCasesClient(client)`.
 */
export class SkemaCasesClient {
  private readonly transport: Transport;

  constructor(client: { transport: Transport }) {
    this.transport = client.transport;
  }

  createCase(input: Wire.CaseCreate, signal?: AbortSignal): Promise<CaseAnswer> {
    return this.caseCall('POST', '', input, signal);
  }

  getCase(id: string, signal?: AbortSignal): Promise<CaseAnswer> {
    return this.caseCall('GET', `/${enc(id)}`, undefined, signal, undefined, true);
  }

  async listCases(filter: CaseListFilter = {}, signal?: AbortSignal): Promise<Wire.CasePage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter))
      if (value !== undefined && value !== '') params.set(key, String(value));
    const qs = params.toString();
    return (await this.transport.call<Wire.CasePage>('GET', `/cases${qs ? `?${qs}` : ''}`, signal ? { signal } : {}))
      .body;
  }

  /** Title, borger or team. `ifMatch`: the case's ETag, or `*`. */
  updateCase(
    id: string,
    change: Wire.CaseUpdate,
    options: { ifMatch: string; signal?: AbortSignal },
  ): Promise<CaseAnswer> {
    return this.caseCall('PATCH', `/${enc(id)}`, change, options.signal, options.ifMatch);
  }

  closeCase(id: string, options: { ifMatch: string; signal?: AbortSignal }): Promise<CaseAnswer> {
    return this.caseCall('POST', `/${enc(id)}/close`, undefined, options.signal, options.ifMatch);
  }

  /** Attaches existing submissions; one that belongs to another case is a `case-conflict` (409). */
  attach(id: string, submissionIds: string[], options: { ifMatch: string; signal?: AbortSignal }): Promise<CaseAnswer> {
    const body: Wire.CaseAttach = { submissionIds };
    return this.caseCall('POST', `/${enc(id)}/attach`, body, options.signal, options.ifMatch);
  }

  /** Creates a submission in the case, validated with the case (cross-form rules). */
  async createSubmission<F extends string, V extends string>(
    id: string,
    formId: F,
    version: V,
    data: FormData<F, V>,
    options: { status?: 'draft' | 'submitted'; signal?: AbortSignal } = {},
  ): Promise<Wire.SubmissionWriteResult<FormData<F, V>> & { caseId: string; etag?: string }> {
    const body: Wire.SubmissionCreate<FormData<F, V>> = {
      formId,
      version,
      data,
      status: options.status ?? 'submitted',
    };
    const answer = await this.transport.call<Wire.SubmissionWriteResult<FormData<F, V>> & { caseId: string }>(
      'POST',
      `/cases/${enc(id)}/submissions`,
      { body, ...(options.signal ? { signal: options.signal } : {}) },
    );
    return { ...answer.body, ...(answer.etag ? { etag: answer.etag } : {}) };
  }

  /** «Mine frister»: the deadlines of your open cases, not met yet, soonest first (`until`: a YYYY-MM-DD bound). */
  async worklist(options: { until?: string; signal?: AbortSignal } = {}): Promise<Wire.WorklistItem[]> {
    const path = `/worklist${options.until ? `?until=${enc(options.until)}` : ''}`;
    return (await this.transport.call<Wire.Worklist>('GET', path, options.signal ? { signal: options.signal } : {}))
      .body.items;
  }

  /** Initial data for a form opened in the case, and where each value came from (by JSON Pointer). */
  async prefill(id: string, formId: string, version = 'latest', signal?: AbortSignal): Promise<Wire.PrefillResult> {
    const path = `/cases/${enc(id)}/prefill/${enc(formId)}${version === 'latest' ? '' : `?version=${enc(version)}`}`;
    return (
      await this.transport.call<Wire.PrefillResult>('GET', path, { idempotent: true, ...(signal ? { signal } : {}) })
    ).body;
  }

  private async caseCall(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    ifMatch?: string,
    idempotent = false,
  ): Promise<CaseAnswer> {
    const answer = await this.transport.call<Wire.Case>(method, `/cases${path}`, {
      body,
      idempotent,
      ...(ifMatch ? { headers: { 'If-Match': ifMatch } } : {}),
      ...(signal ? { signal } : {}),
    });
    return { case: answer.body, ...(answer.etag ? { etag: answer.etag } : {}) };
  }
}

const enc = (segment: string): string => encodeURIComponent(segment);
