import { compareVersions } from '@skema/core';

/** The tenants of the development keys (README: "tenants and keys"); other keys leave the tenant to the server. */
const DEV_KEY_TENANTS: Readonly<Record<string, string>> = {
  'skema-dev-key': 'demo',
  'skema-dev-key-leder': 'demo',
  'skema-dev-key-2': 'demo2',
  'skema-dev-key-ringsted': 'ringsted',
  'skema-dev-key-nordby': 'nordby',
};

export function devKeyTenant(key: string): string | undefined {
  return Object.hasOwn(DEV_KEY_TENANTS, key) ? DEV_KEY_TENANTS[key] : undefined;
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/**
 * The version a new overlay draft gets: 1.0.0 for the first, else one patch above the highest
 * existing one (check and publish say when the changes need a bigger bump).
 */
export function nextOverlayVersion(existing: readonly string[]): string {
  const valid = existing.filter((v) => SEMVER.test(v)).sort(compareVersions);
  const highest = valid.at(-1);
  if (!highest) return '1.0.0';
  const [major, minor, patch] = highest.split('.').map(Number);
  return `${major}.${minor}.${patch! + 1}`;
}

/** What the helpers need of a form summary (`GET /forms`). */
export interface BaseFormInfo {
  id: string;
  latest?: string | undefined;
  versions: ReadonlyArray<{ version: string }>;
}

/** The base range an overlay follows: new minor versions of the form's latest published major. */
export function baseRange(form: Omit<BaseFormInfo, 'id'>): string {
  const version = form.latest ?? form.versions.at(-1)?.version ?? '1.0.0';
  return `^${version.split('.')[0]}.0.0`;
}

/**
 * A minimal overlay for a base form: identity, base range and empty text tables to fill in.
 * Without a known tenant, `tenantId` is left out and the server fills in the key's tenant.
 */
export function overlaySkeleton(input: { form: BaseFormInfo; tenantId?: string | undefined; existingVersions?: readonly string[] }): Record<string, unknown> {
  return {
    ...(input.tenantId ? { tenantId: input.tenantId } : {}),
    formId: input.form.id,
    version: nextOverlayVersion(input.existingVersions ?? []),
    baseVersion: baseRange(input.form),
    texts: { da: {}, en: {} },
  };
}

export type ParsedOverlay = { ok: true; document: Record<string, unknown> } | { ok: false; message: string };

/** The editor's text as an overlay object, or a Danish message saying where the JSON breaks. */
export function parseOverlayText(text: string): ParsedOverlay {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `Ugyldig JSON: ${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'Et overlay skal være et JSON-objekt ({ … }).' };
  return { ok: true, document: value as Record<string, unknown> };
}

/** The version an overlay document names, for the save/check/publish URLs. */
export function documentVersion(document: Record<string, unknown>): string | undefined {
  return typeof document.version === 'string' && SEMVER.test(document.version) ? document.version : undefined;
}
