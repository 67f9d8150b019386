import type { LocalizedText } from '../issues.js';
import type { CatalogueEntry } from '../rule-options.js';

/** Semver levels a change can require. */
export type BumpLevel = 'major' | 'minor' | 'patch';

/** The bump a set of changes requires; `none` when nothing changed. */
export type RequiredBump = BumpLevel | 'none';

export type ChangeKind =
  | 'property-removed'
  | 'property-renamed'
  | 'property-added'
  | 'required-added'
  | 'required-removed'
  | 'type-narrowed'
  | 'type-widened'
  | 'enum-narrowed'
  | 'enum-widened'
  | 'const-changed'
  | 'constraint-tightened'
  | 'constraint-relaxed'
  | 'additional-properties-closed'
  | 'additional-properties-opened'
  | 'subschema-added'
  | 'subschema-removed'
  | 'condition-changed'
  | 'ref-changed'
  | 'keyword-changed'
  | 'annotation-changed'
  | 'uischema-changed'
  | 'text-changed'
  | 'example-changed'
  | 'manifest-changed'
  | 'plugin-added'
  | 'plugin-removed'
  | 'plugin-changed'
  | 'rule-option-changed';

/** One classified difference between two versions of a form. */
export interface SchemaChange {
  /** Schema location as a JSON Forms scope (`#/properties/borger/properties/navn`), or the file for non-schema content. */
  path: string;
  /** The stable code of the change. */
  kind: ChangeKind;
  level: BumpLevel;
  /** The English text (logs, git checks); a user interface picks `messages[locale]`. */
  message: string;
  messages: LocalizedText;
}

/** How `diffFormVersions` compares. */
export interface DiffOptions {
  /**
   * `false` leaves examples out. An effective form (base + overlay) carries no examples: they
   * are tests of the published base version, not part of a tenant's configuration, so comparing
   * a base with its effective form would report every example as removed.
   */
  examples?: boolean;
  /**
   * The rule catalogue (`engine.catalogue()`'s rules). With it, rule option changes are judged by
   * the rules' default severities: an option of a warning or a deadline cannot refuse data.
   */
  catalogue?: readonly CatalogueEntry[];
}

export interface FormDiff {
  changes: SchemaChange[];
  required: RequiredBump;
}

const ORDER: Record<RequiredBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Compares bump levels like a comparator: none < patch < minor < major. */
export function compareBump(a: RequiredBump, b: RequiredBump): number {
  return ORDER[a] - ORDER[b];
}

export function highestBump(levels: Iterable<RequiredBump>): RequiredBump {
  let best: RequiredBump = 'none';
  for (const level of levels) if (compareBump(level, best) > 0) best = level;
  return best;
}
