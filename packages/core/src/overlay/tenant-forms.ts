import type { FormSummary, FormVersion } from '../form.js';
import { contentHash } from '../hash.js';
import type { CatalogueEntry } from '../rule-options.js';
import { FormNotFoundError, type FormRegistry } from '../registry.js';
import { applyOverlay } from './apply-overlay.js';
import type { FormOverlay, OverlayProblem } from './types.js';

export class OverlayError extends Error {
  override readonly name = 'OverlayError';
  constructor(
    message: string,
    readonly problems: OverlayProblem[],
  ) {
    super(message);
  }
}

export interface TenantFormSource {
  /** The tenant's overlays, at most one active per form. */
  overlays: readonly FormOverlay[];
  /** Forms the tenant created entirely on its own. */
  forms: FormRegistry;
}

// Overlays are never mutated once loaded, so each one's content hash is computed once.
const overlayHashes = new WeakMap<FormOverlay, string>();
const overlayHash = (o: FormOverlay): string => {
  let hash = overlayHashes.get(o);
  if (!hash) overlayHashes.set(o, (hash = contentHash(o)));
  return hash;
};

/**
 * Resolves what a tenant sees: its own forms, or a base form with the tenant's overlay applied.
 * Effective forms are built once per (base hash, overlay content) and reused.
 */
export class TenantForms {
  constructor(
    private readonly base: FormRegistry,
    private readonly tenants: ReadonlyMap<string, TenantFormSource>,
    private readonly catalogue: readonly CatalogueEntry[] = [],
    private readonly cache = new Map<string, FormVersion>(),
  ) {}

  /** The tenant's overlays and own forms, as this view holds them. */
  source(tenantId: string): TenantFormSource | undefined {
    return this.tenants.get(tenantId);
  }

  /**
   * A new view with one tenant's source replaced (e.g. after a configuration was published);
   * this one is left unchanged. The views share their cache: its keys include the overlay's hash.
   */
  withTenant(tenantId: string, source: TenantFormSource): TenantForms {
    const tenants = new Map(this.tenants);
    tenants.set(tenantId, source);
    return new TenantForms(this.base, tenants, this.catalogue, this.cache);
  }

  overlayFor(tenantId: string | undefined, formId: string): FormOverlay | undefined {
    return tenantId ? this.tenants.get(tenantId)?.overlays.find((o) => o.formId === formId) : undefined;
  }

  /** Form ids the tenant can use: base forms not disabled, plus its own. */
  formIds(tenantId: string | undefined): string[] {
    const own = tenantId ? (this.tenants.get(tenantId)?.forms.ids() ?? []) : [];
    const base = this.base.ids().filter((id) => this.overlayFor(tenantId, id)?.enabled !== false);
    return [...new Set([...base, ...own])].sort();
  }

  /**
   * The form a tenant uses for `ref` (`latest`, a version or a range). Without a version in
   * the request, an overlay's pinned base version wins over `latest`.
   */
  resolve(tenantId: string | undefined, formId: string, ref = 'latest'): FormVersion {
    const own = tenantId ? this.tenants.get(tenantId)?.forms : undefined;
    if (own?.has(formId)) return own.resolve(formId, ref);
    const overlay = this.overlayFor(tenantId, formId);
    if (overlay?.enabled === false) throw new FormNotFoundError(formId);
    const base = this.base.resolve(formId, ref === 'latest' && overlay ? overlay.baseVersion : ref);
    if (!overlay) return base;
    const key = `${base.hash}:${tenantId}:${overlayHash(overlay)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { form, problems } = applyOverlay(base, overlay, this.catalogue);
    if (!form)
      throw new OverlayError(
        `The ${tenantId} overlay of ${formId} cannot be applied to ${base.manifest.version}`,
        problems,
      );
    this.cache.set(key, form);
    return form;
  }

  /**
   * The forms list as the tenant sees it: for a form with an overlay, only the base versions the
   * overlay applies to (a pinned overlay hides the newer ones the tenant could not open), with the
   * effective forms' titles and hashes, and `latest` as `resolve` gives it.
   */
  summaries(tenantId: string | undefined): FormSummary[] {
    return this.formIds(tenantId).flatMap((id) => {
      const summary = this.summary(tenantId, id);
      return summary ? [summary] : [];
    });
  }

  /** One form's entry in the tenant's list; undefined when the tenant can open none of its versions. */
  summary(tenantId: string | undefined, formId: string): FormSummary | undefined {
    const own = tenantId ? this.tenants.get(tenantId)?.forms : undefined;
    if (own?.has(formId)) return own.summaries().find((s) => s.id === formId);
    if (!this.base.has(formId)) return undefined;
    const base = this.base.summaries().find((s) => s.id === formId);
    const overlay = this.overlayFor(tenantId, formId);
    if (!base || !overlay) return base;
    const opened = base.versions.flatMap((v) => {
      const form = this.tryResolve(tenantId, formId, v.version);
      return form ? [{ entry: { ...v, hash: form.hash }, form }] : [];
    });
    if (opened.length === 0) return undefined;
    const latest = this.tryResolve(tenantId, formId, 'latest');
    return {
      id: formId,
      title: (latest ?? opened[opened.length - 1]!.form).manifest.title,
      latest: latest?.manifest.version,
      versions: opened.map((o) => o.entry),
    };
  }

  private tryResolve(tenantId: string | undefined, formId: string, ref: string): FormVersion | undefined {
    try {
      return this.resolve(tenantId, formId, ref);
    } catch {
      return undefined;
    }
  }
}
