import type { FormPluginReference, FormTexts } from '../form.js';
import type { LocalizedText } from '../issues.js';

/**
 * Keywords an overlay may add to a field; each is added as an extra constraint, so it can only narrow.
 * `x-skema-sensitive` narrows access, not values: a tenant may tag a base field as sensitive (DP-02),
 * never untag one (a tag in `allOf` adds to the base's tags).
 */
export const TIGHTENING_KEYWORDS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'pattern',
  'format',
  'enum',
  'minItems',
  'maxItems',
  'x-skema-sensitive',
] as const;

export type Tightening = Partial<Record<(typeof TIGHTENING_KEYWORDS)[number], unknown>>;

/**
 * A tenant's configuration of a base form. Field pointers are data paths (`/barn/navn`);
 * an array segment `*` steps into its items (e.g. samtykker, `*`, dato).
 */
export interface FormOverlay {
  tenantId: string;
  formId: string;
  /** The overlay's own semver version. */
  version: string;
  /** The base version it applies to: an exact version pins it, a range follows new minor versions. */
  baseVersion: string;
  /** `false` disables the form for the tenant. */
  enabled?: boolean;
  title?: Partial<LocalizedText>;
  /** Replaces texts (labels, help texts, enumeration labels) of the base form, or adds the tenant fields' texts. */
  texts?: { da?: FormTexts; en?: FormTexts };
  /** Optional fields to hide from the UI. */
  hide?: string[];
  /** Optional fields to make required. */
  require?: string[];
  /** Extra constraints per field. */
  constraints?: Record<string, Tightening>;
  /** The tenant's own fields, stored under the namespace property `x-<tenantId>`. */
  fields?: {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  /** Rule options by rule id; `severity: "error"` raises a warning, an error can never be lowered. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** The tenant's own rule plugins. */
  plugins?: FormPluginReference[];
}

export type { OverlayProblem } from './overlay-problems.js';
