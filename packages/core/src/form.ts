import type { PrefillSpec } from './prefill.js';
import type { LocalizedText } from './issues.js';

export type FormStatus = 'draft' | 'published' | 'deprecated';

export interface FormPluginReference {
  /** Package name of the plugin, e.g. `@skema/plugin-viso`. */
  name: string;
  /** Semver range the form was written against. */
  version: string;
  /** Rule options by rule id, e.g. `{ "LEV-07": { "thresholdDkk": 100000 } }`. */
  options?: Record<string, Record<string, unknown>>;
}

/** `form.json`: the manifest of one version of one form. */
export interface FormManifest {
  id: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  status: FormStatus;
  plugins: FormPluginReference[];
  /** What changed in this version and why (decisions on spec ambiguities are recorded here). */
  changelog: LocalizedText | string;
  /** How to upgrade a submission from the previous version. */
  migration?: FormMigration;
  /** Rule options of this form (or of a tenant's overlay), applied after the plugins' options. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** Set on a tenant's effective form: which overlay produced it from the base version. */
  overlay?: { tenantId: string; version: string; baseVersion: string; hash: string };
}

export interface FormMigration {
  from: string;
  /** RFC 6902 operations applied to the old data. */
  patch?: Array<Record<string, unknown>>;
  /** Or a migration function a plugin registered under this name. */
  plugin?: string;
}

/** Flat JSON Forms i18n dictionary: `barn.navn.label`, `barn.navn.description`, `<enum path>.<value>`. */
export type FormTexts = Record<string, string>;

export interface FormExample {
  name: string;
  data: unknown;
  /** For invalid examples: rule ids / keywords and/or JSON Pointers the example must fail with. */
  expect?: { codes?: string[]; paths?: string[] };
  /** Reference date the example is meant to be validated on (ages, deadlines). */
  today?: string;
}

/** One loaded form version. */
export interface FormVersion {
  manifest: FormManifest;
  schema: Record<string, unknown>;
  uischema: Record<string, unknown>;
  i18n: { da: FormTexts; en: FormTexts };
  examples?: { valid: FormExample[]; invalid: FormExample[] };
  /** Prefill mappings (`prefill.json`): configuration, not content, so not in the hash. */
  prefill?: PrefillSpec;
  /** `sha256-<hex>` of the canonical JSON content (manifest minus status, schema, uischema, texts). */
  hash: string;
}

export interface FormSummary {
  id: string;
  title: LocalizedText;
  latest: string | undefined;
  versions: Array<{ version: string; status: FormStatus; hash: string }>;
}
