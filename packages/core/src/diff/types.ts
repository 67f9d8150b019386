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
  | 'plugin-changed';

/** One classified difference between two versions of a form. */
export interface SchemaChange {
  /** Schema location as a JSON Forms scope (`#/properties/borger/properties/navn`), or the file for non-schema content. */
  path: string;
  kind: ChangeKind;
  level: BumpLevel;
  message: string;
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
