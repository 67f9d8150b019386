import semver from 'semver';
import type { FormSummary, FormVersion } from './form.js';

export class FormNotFoundError extends Error {
  override readonly name = 'FormNotFoundError';
  constructor(
    readonly formId: string,
    readonly version?: string,
  ) {
    super(version ? `Form ${formId} has no version matching ${version}` : `Unknown form ${formId}`);
  }
}

/** All versions of all forms, resolved by exact version, `latest` or a semver range. */
export class FormRegistry {
  private readonly forms = new Map<string, Map<string, FormVersion>>();

  constructor(versions: Iterable<FormVersion> = []) {
    for (const v of versions) this.add(v);
  }

  add(form: FormVersion): this {
    const { id, version } = form.manifest;
    if (!semver.valid(version)) throw new TypeError(`Form ${id}: "${version}" is not a semver version`);
    let versions = this.forms.get(id);
    if (!versions) this.forms.set(id, (versions = new Map<string, FormVersion>()));
    if (versions.has(version)) throw new TypeError(`Form ${id}@${version} is registered twice`);
    versions.set(version, form);
    return this;
  }

  has(formId: string): boolean {
    return this.forms.has(formId);
  }

  ids(): string[] {
    return [...this.forms.keys()].sort();
  }

  /** Every version of a form, oldest first. */
  versions(formId: string): FormVersion[] {
    const versions = this.forms.get(formId);
    if (!versions) return [];
    return [...versions.values()].sort((a, b) => semver.compare(a.manifest.version, b.manifest.version));
  }

  /**
   * `latest` is the highest published version; a range resolves among published and
   * deprecated versions; an exact version resolves to itself whatever its status.
   */
  resolve(formId: string, ref = 'latest'): FormVersion {
    const versions = this.forms.get(formId);
    if (!versions) throw new FormNotFoundError(formId);
    const exact = versions.get(ref);
    if (exact) return exact;
    const candidates = [...versions.values()].filter((v) =>
      ref === 'latest' ? v.manifest.status === 'published' : v.manifest.status !== 'draft',
    );
    const range = ref === 'latest' ? '*' : ref;
    if (semver.validRange(range) === null) throw new FormNotFoundError(formId, ref);
    const best = semver.maxSatisfying(
      candidates.map((v) => v.manifest.version),
      range,
    );
    const found = best ? versions.get(best) : undefined;
    if (!found) throw new FormNotFoundError(formId, ref);
    return found;
  }

  summaries(): FormSummary[] {
    return this.ids().map((id) => {
      const versions = this.versions(id);
      let latest: string | undefined;
      try {
        latest = this.resolve(id).manifest.version;
      } catch {
        latest = undefined;
      }
      const newest = versions[versions.length - 1];
      return {
        id,
        title: (latest ? this.resolve(id) : newest)!.manifest.title,
        latest,
        versions: versions.map((v) => ({ version: v.manifest.version, status: v.manifest.status, hash: v.hash })),
      };
    });
  }
}
