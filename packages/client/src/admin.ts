import type { Wire } from '@skema/core';
import type { Transport } from './transport.js';

/**
 * A municipality's overlays and own forms (`/admin/form-configs`, a key with role `admin`; the
 * tenant is the key's). A refused publish is a SkemaApiError whose `problem` carries `problems`,
 * `diff` and `requiredBump`.
 */
export class SkemaAdminClient {
  private readonly transport: Transport;

  /** Over a `SkemaClient` (its key, language, timeouts and retries): `new SkemaAdminClient(client)`. */
  constructor(client: { transport: Transport }) {
    this.transport = client.transport;
  }

  async listFormConfigs(signal?: AbortSignal): Promise<Wire.FormConfigSummary[]> {
    return (await this.call<Wire.FormConfigList>('GET', '', undefined, signal)).items;
  }

  /** The overlay in effect for a shared form (from git or the API, or none) and the base version it applies to: where an editor starts. */
  effective(formId: string, signal?: AbortSignal): Promise<Wire.EffectiveFormConfig> {
    return this.call('GET', `/effective/${encodeURIComponent(formId)}`, undefined, signal, true);
  }

  getFormConfig(
    kind: Wire.FormConfigKind,
    formId: string,
    version: string,
    signal?: AbortSignal,
  ): Promise<Wire.FormConfigRecord> {
    return this.call('GET', one(kind, formId, version), undefined, signal);
  }

  /** Saves (or replaces) a draft; a published version never changes. */
  saveDraft(
    kind: Wire.FormConfigKind,
    formId: string,
    version: string,
    document: Wire.FormConfigDocument,
    signal?: AbortSignal,
  ): Promise<Wire.FormConfigRecord> {
    return this.call('PUT', one(kind, formId, version), document, signal);
  }

  /** Problems, the previous version, the classified diff and the bump it needs; stores nothing. */
  check(
    kind: Wire.FormConfigKind,
    formId: string,
    version: string,
    signal?: AbortSignal,
  ): Promise<Wire.FormConfigCheck> {
    return this.call('POST', `${one(kind, formId, version)}/check`, undefined, signal, true);
  }

  publish(
    kind: Wire.FormConfigKind,
    formId: string,
    version: string,
    signal?: AbortSignal,
  ): Promise<Wire.FormConfigRecord> {
    return this.call('POST', `${one(kind, formId, version)}/publish`, undefined, signal);
  }

  deprecate(
    kind: Wire.FormConfigKind,
    formId: string,
    version: string,
    signal?: AbortSignal,
  ): Promise<Wire.FormConfigRecord> {
    return this.call('POST', `${one(kind, formId, version)}/deprecate`, undefined, signal);
  }

  /** The effective form of an unsaved overlay, and its diff against the base; stores nothing. */
  preview(document: Wire.JsonObject, signal?: AbortSignal): Promise<Wire.FormConfigPreview> {
    const body: Wire.FormConfigPreviewRequest = { kind: 'overlay', document };
    return this.call('POST', '/preview', body, signal, true);
  }

  private async call<T>(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    idempotent = false,
  ): Promise<T> {
    const answer = await this.transport.call<T>(method, `/admin/form-configs${path}`, {
      body,
      idempotent,
      ...(signal ? { signal } : {}),
    });
    return answer.body;
  }
}

function one(kind: Wire.FormConfigKind, formId: string, version: string): string {
  return `/${kind}/${encodeURIComponent(formId)}/${encodeURIComponent(version)}`;
}
