import {
  checkSchemaBudget,
  compareVersions,
  FormRegistry,
  type FormConfigStore,
  type FormOverlay,
  type FormVersion,
  type TenantFormRecord,
  type TenantFormSource,
  type TenantForms,
} from '@skema/core';
import type { Logger } from '../observability/logger.js';
import type { PreviousConfig } from './check-config.js';
import { ownFormVersion } from './own-form.js';

// Published and deprecated: drafts are never live, and a tenant may keep any number of them.
const LIVE = { statuses: ['published', 'deprecated'] } as const;
const EMPTY: TenantFormSource = { overlays: [], forms: new FormRegistry() };

/** Where the live view of the forms is kept (the app context); replaced, never mutated. */
export interface FormsHolder {
  forms: TenantForms;
  /** Started when a tenant has configuration from the API: its forms validate in workers. */
  validation?: { warm(): Promise<void> };
}

/**
 * A tenant's effective configuration is its git-kept overlays and own forms (schemas/tenants)
 * plus what it published through the API. For one (tenant, form) the highest published overlay
 * version wins, wherever it comes from; a deprecated version no longer applies. Own forms'
 * published and deprecated versions are all resolvable by exact version (receipts keep naming
 * them), and `latest` is the highest published one.
 */
export class PublishedForms {
  private readonly ownForms = new Map<string, FormVersion | undefined>();

  constructor(
    readonly store: FormConfigStore,
    private readonly holder: FormsHolder,
    /** The git-kept configuration, as loaded at start. */
    private readonly git: TenantForms,
    private readonly tenantIds: readonly string[],
    private readonly logger: Logger,
  ) {}

  /** Reads every tenant's records and rebuilds their views (at start, and on the refresh interval). */
  async reload(): Promise<void> {
    for (const tenantId of this.tenantIds) await this.refresh(tenantId);
  }

  /** Re-reads one tenant's records (after a publish or deprecate) and makes them live. */
  async refresh(tenantId: string): Promise<void> {
    const records = (await this.store.listFormConfigs(tenantId, LIVE)).filter((r) => r.tenantId === tenantId);
    if (records.length > 0) void this.holder.validation?.warm();
    this.holder.forms = this.holder.forms.withTenant(tenantId, this.merge(tenantId, records));
  }

  private merge(tenantId: string, records: readonly TenantFormRecord[]): TenantFormSource {
    const git = this.git.source(tenantId) ?? EMPTY;
    const best = new Map<string, FormOverlay>();
    const consider = (overlay: FormOverlay) => {
      const current = best.get(overlay.formId);
      if (!current || compareVersions(overlay.version, current.version) > 0) best.set(overlay.formId, overlay);
    };
    git.overlays.forEach(consider);
    for (const r of records) if (r.kind === 'overlay' && r.status === 'published') consider(r.document as FormOverlay);

    const own: FormVersion[] = git.forms.ids().flatMap((id) => git.forms.versions(id));
    const known = new Set(own.map((f) => `${f.manifest.id}@${f.manifest.version}`));
    for (const r of records) {
      if (r.kind !== 'form' || known.has(`${r.formId}@${r.version}`)) continue;
      const form = this.ownForm(r);
      if (form) own.push(form);
    }
    return { overlays: [...best.values()], forms: new FormRegistry(own) };
  }

  /**
   * A published own form as it is served, or `undefined` when it cannot be (logged once). Kept per
   * record content and status: a publication re-reads the tenant's records, which never change.
   */
  private ownForm(r: TenantFormRecord): FormVersion | undefined {
    const key = `${r.tenantId}\u0000${r.formId}@${r.version}\u0000${r.status}\u0000${r.hash}`;
    if (this.ownForms.has(key)) return this.ownForms.get(key);
    let form: FormVersion | undefined;
    try {
      form = ownFormVersion(r.formId, r.version, r.status, r.document);
      // Published before the budget existed (or by another version of the server): never made live.
      const overBudget = checkSchemaBudget(form.schema, {}, '/schema');
      if (overBudget.length) {
        this.logger.warn(
          {
            tenantId: r.tenantId,
            form: `${r.formId}@${r.version}`,
            problems: overBudget.map((p) => `${p.code} ${p.path}`),
          },
          'published own form is over the complexity budget; not loaded',
        );
        form = undefined;
      }
    } catch (e) {
      this.logger.warn(
        { tenantId: r.tenantId, form: `${r.formId}@${r.version}`, err: e },
        'published own form cannot be loaded',
      );
    }
    this.ownForms.set(key, form);
    return form;
  }

  /**
   * The overlay in effect for a tenant's form and where it was published (git or the API), as the
   * live view resolves it; undefined when the tenant uses the plain base form.
   */
  effective(tenantId: string, formId: string): { overlay: FormOverlay; source: 'git' | 'api' } | undefined {
    const overlay = this.holder.forms.overlayFor(tenantId, formId);
    if (!overlay) return undefined;
    const git = this.gitOverlay(tenantId, formId);
    // An API version equal to the git one never wins (merge), so equal versions mean git.
    return { overlay, source: git && compareVersions(overlay.version, git.version) === 0 ? 'git' : 'api' };
  }

  /** The tenant's git-kept overlay of a form, if any. */
  gitOverlay(tenantId: string, formId: string): FormOverlay | undefined {
    return this.git.source(tenantId)?.overlays.find((o) => o.formId === formId);
  }

  /** The highest published or deprecated version of the same configuration other than `version`. */
  async previous(
    tenantId: string,
    kind: TenantFormRecord['kind'],
    formId: string,
    version: string,
  ): Promise<PreviousConfig | undefined> {
    const records = await this.store.listFormConfigs(tenantId, LIVE);
    const candidates: PreviousConfig[] = records
      .filter((r) => r.kind === kind && r.formId === formId && r.version !== version && r.status !== 'draft')
      .map((r) =>
        kind === 'overlay'
          ? { version: r.version, overlay: r.document as FormOverlay }
          : { version: r.version, form: ownFormVersion(r.formId, r.version, r.status, r.document) },
      );
    const git = this.git.source(tenantId);
    if (kind === 'overlay') {
      const overlay = git?.overlays.find((o) => o.formId === formId);
      if (overlay && overlay.version !== version) candidates.push({ version: overlay.version, overlay });
    } else {
      for (const form of git?.forms.versions(formId) ?? [])
        if (form.manifest.version !== version) candidates.push({ version: form.manifest.version, form });
    }
    return candidates.sort((a, b) => compareVersions(b.version, a.version))[0];
  }
}
