import type { RequiredBump, SchemaChange } from '@skema/core';
import { apiBase } from '@skema/react';
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

interface ProblemBody {
  title?: string;
  detail?: string;
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
  private readonly base = apiBase('');

  constructor(
    private readonly key: string = apiKey(),
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  private async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.base + path, {
        method,
        headers: {
          Accept: 'application/json, application/problem+json',
          'Accept-Language': 'da',
          Authorization: `Bearer ${this.key}`,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new AdminApiError(0, `API'et svarer ikke: ${(e as Error).message}`, 'network');
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const p = (parsed ?? {}) as ProblemBody;
      const code = p.code ?? p.type?.split('/').filter(Boolean).pop() ?? `http-${response.status}`;
      throw new AdminApiError(response.status, p.detail ?? p.title ?? `HTTP ${response.status}`, code, p.problems ?? p.issues ?? [], p.diff, p.requiredBump);
    }
    return parsed as T;
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
