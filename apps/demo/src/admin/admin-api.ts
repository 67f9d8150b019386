import type { RequiredBump, SchemaChange } from '@skema/core';
import { SkemaApiClient, SkemaApiError } from '@skema/react';
import { apiKey } from '../api.js';

export type ConfigKind = 'overlay' | 'form';
export type ConfigStatus = 'draft' | 'published' | 'deprecated';

/** One problem with a configuration: where in the document, and what. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** A classified diff of two effective forms, as the API shows it (`GET /forms/{id}/versions/{a}/diff/{b}` has the same shape). */
export interface ConfigDiff {
  formId?: string;
  from?: string;
  to?: string;
  requiredBump?: RequiredBump;
  changes: SchemaChange[];
}

/** One row of `GET /admin/form-configs`. */
export interface ConfigSummary {
  kind: ConfigKind;
  formId: string;
  version: string;
  status: ConfigStatus;
  hash: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ConfigRecord extends ConfigSummary {
  tenantId: string;
  document: unknown;
}

export interface CheckResult {
  ok: boolean;
  problems: ConfigProblem[];
  previousVersion?: string;
  requiredBump?: RequiredBump;
  diff?: ConfigDiff;
}

/** The effective form of an unsaved overlay, as `POST /admin/form-configs/preview` answers. */
export interface PreviewResult {
  ok: boolean;
  problems: ConfigProblem[];
  form?: { manifest: Record<string, unknown>; schema: Record<string, unknown>; uischema: Record<string, unknown>; i18n: unknown; hash: string };
  diff?: ConfigDiff;
}

/** A refused request with the problem document's message and, for configurations, its problems and diff. */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly problems: ConfigProblem[] = [],
    readonly diff?: ConfigDiff,
    readonly requiredBump?: RequiredBump,
  ) {
    super(message);
  }
}

/** The members of the admin endpoints' problem documents that the page reads. */
interface ProblemBody {
  code?: string;
  type?: string;
  problems?: ConfigProblem[];
  issues?: ConfigProblem[];
  diff?: ConfigDiff;
  requiredBump?: RequiredBump;
}

const enc = encodeURIComponent;

/** The admin endpoints of the API on this page's origin, called with the demo's API key. */
export class AdminApi {
  private readonly client: SkemaApiClient;

  constructor(key: string = apiKey(), fetchImpl: typeof fetch = (...args) => fetch(...args)) {
    this.client = new SkemaApiClient('', key, 'da', fetchImpl);
  }

  /** The shared client's call, its errors read as the admin endpoints' problems (problems, diff, bump). */
  private async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    try {
      return await this.client.send<T>(method, path, body, signal);
    } catch (e) {
      if (!(e instanceof SkemaApiError)) throw e;
      if (e.status === 0) throw new AdminApiError(0, `API'et svarer ikke: ${e.message}`, 'network');
      const p = e.problem as ProblemBody;
      const code = p.code ?? p.type?.split('/').filter(Boolean).pop() ?? `http-${e.status}`;
      throw new AdminApiError(e.status, e.message, code, p.problems ?? p.issues ?? [], p.diff, p.requiredBump);
    }
  }

  async listConfigs(): Promise<ConfigSummary[]> {
    return (await this.request<{ items: ConfigSummary[] }>('GET', '/admin/form-configs')).items;
  }

  getConfig(kind: ConfigKind, formId: string, version: string): Promise<ConfigRecord> {
    return this.request('GET', `/admin/form-configs/${kind}/${enc(formId)}/${enc(version)}`);
  }

  saveDraft(kind: ConfigKind, formId: string, version: string, document: unknown): Promise<ConfigRecord> {
    return this.request('PUT', `/admin/form-configs/${kind}/${enc(formId)}/${enc(version)}`, document);
  }

  check(kind: ConfigKind, formId: string, version: string): Promise<CheckResult> {
    return this.request('POST', `/admin/form-configs/${kind}/${enc(formId)}/${enc(version)}/check`);
  }

  publish(kind: ConfigKind, formId: string, version: string): Promise<ConfigRecord> {
    return this.request('POST', `/admin/form-configs/${kind}/${enc(formId)}/${enc(version)}/publish`);
  }

  preview(document: unknown, signal?: AbortSignal): Promise<PreviewResult> {
    return this.request('POST', '/admin/form-configs/preview', { kind: 'overlay', document }, signal);
  }
}
