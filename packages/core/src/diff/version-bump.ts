import semver from 'semver';
import type { FormVersion } from '../form.js';
import { diffFormVersions } from './form-diff.js';
import { compareBump, type BumpLevel, type RequiredBump, type SchemaChange } from './types.js';

/** The bump the changes from `prev` to `next` require. */
export function requiredBump(prev: FormVersion, next: FormVersion): RequiredBump {
  return diffFormVersions(prev, next).required;
}

/** The bump made between two version numbers (`1.2.0` → `1.3.0` is `minor`); throws when `next` is not greater. */
export function versionBump(prevVersion: string, nextVersion: string): RequiredBump {
  const prev = semver.parse(prevVersion);
  const next = semver.parse(nextVersion);
  if (!prev || !next) throw new RangeError(`Not semver versions: ${prevVersion}, ${nextVersion}`);
  if (semver.lte(next, prev)) throw new RangeError(`${nextVersion} is not greater than ${prevVersion}`);
  if (next.major !== prev.major) return 'major';
  if (next.minor !== prev.minor) return 'minor';
  if (next.patch !== prev.patch) return 'patch';
  // Only a pre-release tag differs (1.0.0-rc.1 → 1.0.0).
  return 'none';
}

/** The smallest version after `prevVersion` that makes a `level` bump. */
export function nextVersionFor(prevVersion: string, level: BumpLevel): string {
  const next = semver.inc(prevVersion, level);
  if (!next) throw new RangeError(`Not a semver version: ${prevVersion}`);
  return next;
}

export interface VersionBumpProblem {
  message: string;
  required: RequiredBump;
  actual: RequiredBump | 'invalid';
  /** The smallest version number that would be sufficient. */
  needed: string;
  changes: SchemaChange[];
}

/**
 * Checks that `next`'s version number is at least the bump its changes from `prev` require.
 * Returns undefined when it is.
 */
export function checkVersionBump(prev: FormVersion, next: FormVersion): VersionBumpProblem | undefined {
  const from = prev.manifest.version;
  const to = next.manifest.version;
  const { changes, required } = diffFormVersions(prev, next);
  let actual: RequiredBump;
  try {
    actual = versionBump(from, to);
  } catch (e) {
    const needed = nextVersionFor(from, required === 'none' ? 'patch' : required);
    return { message: `${needed} needed: ${(e as Error).message}`, required, actual: 'invalid', needed, changes };
  }
  if (required === 'none' || compareBump(actual, required) >= 0) return undefined;
  const needed = nextVersionFor(from, required);
  const decisive = changes.filter((c) => c.level === required);
  const shown = decisive
    .slice(0, 3)
    .map((c) => `${c.path}: ${c.message}`)
    .join('; ');
  const more = decisive.length > 3 ? ` (+${decisive.length - 3} more)` : '';
  return {
    message: `${needed} needed: ${next.manifest.id} ${from} → ${to} is a ${actual === 'none' ? 'pre-release' : actual} bump, but the changes need a ${required} bump: ${shown}${more}`,
    required,
    actual,
    needed,
    changes,
  };
}
