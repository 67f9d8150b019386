import { SkemaAdminClient, SkemaApiError, SkemaClient, type Wire } from '@skema/client';
import { apiKey } from '../api.js';

export type ConfigKind = Wire.FormConfigKind;
export type ConfigStatus = Wire.FormStatus;
/** One problem with a configuration: where in the document, and what. */
export type ConfigProblem = Pick<Wire.ConfigProblem, 'path' | 'message'> & Partial<Wire.ConfigProblem>;
/** A classified diff of two effective forms, as the page shows it (the API's `FormDiff`, whose header the page may lack). */
export type ConfigDiff = Partial<Omit<Wire.FormDiff, 'changes'>> & Pick<Wire.FormDiff, 'changes'>;
export type ConfigSummary = Wire.FormConfigSummary;
export type ConfigRecord = Wire.FormConfigRecord;
export type CheckResult = Wire.FormConfigCheck;
/** The effective form of an unsaved overlay, as `POST /admin/form-configs/preview` answers. */
export type PreviewResult = Wire.FormConfigPreview;
/** The overlay in effect for a form (git, API or none) and its base version: where the editor starts. */
export type EffectiveConfig = Wire.EffectiveFormConfig;

/** A refused request as the page shows it: the problem's message, code and, for configurations, its problems and diff. */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly problems: ConfigProblem[] = [],
    readonly diff?: ConfigDiff,
    readonly requiredBump?: Wire.VersionBump,
  ) {
    super(message);
  }
}

/** The admin endpoints of the API on this page's origin (`@skema/client`), called with the demo's API key. */
export class AdminApi {
  private readonly admin: SkemaAdminClient;

  constructor(key: string = apiKey(), fetchImpl: typeof fetch = (...args) => fetch(...args)) {
    this.admin = new SkemaAdminClient(new SkemaClient({ token: key, locale: 'da', fetch: fetchImpl }));
  }

  /** The client's call, its errors read as the admin endpoints' problems (problems, diff, bump). */
  private async request<T>(call: (admin: SkemaAdminClient) => Promise<T>): Promise<T> {
    try {
      return await call(this.admin);
    } catch (e) {
      if (!(e instanceof SkemaApiError)) throw e;
      if (e.status === 0) throw new AdminApiError(0, `API'et svarer ikke: ${e.message}`, 'network');
      const p = e.problem as Wire.Problem & { code?: string };
      throw new AdminApiError(
        e.status,
        e.message,
        p.code ?? e.code,
        p.problems ?? p.issues ?? [],
        p.diff,
        p.requiredBump,
      );
    }
  }

  listConfigs(): Promise<ConfigSummary[]> {
    return this.request((a) => a.listFormConfigs());
  }

  effective(formId: string): Promise<EffectiveConfig> {
    return this.request((a) => a.effective(formId));
  }

  getConfig(kind: ConfigKind, formId: string, version: string): Promise<ConfigRecord> {
    return this.request((a) => a.getFormConfig(kind, formId, version));
  }

  saveDraft(kind: ConfigKind, formId: string, version: string, document: Wire.JsonObject): Promise<ConfigRecord> {
    return this.request((a) => a.saveDraft(kind, formId, version, document));
  }

  check(kind: ConfigKind, formId: string, version: string): Promise<CheckResult> {
    return this.request((a) => a.check(kind, formId, version));
  }

  publish(kind: ConfigKind, formId: string, version: string): Promise<ConfigRecord> {
    return this.request((a) => a.publish(kind, formId, version));
  }

  preview(document: Wire.JsonObject, signal?: AbortSignal): Promise<PreviewResult> {
    return this.request((a) => a.preview(document, signal));
  }
}
