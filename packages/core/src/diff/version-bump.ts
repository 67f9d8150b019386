import semver from 'semver';
import type { FormVersion } from '../form.js';
import type { LocalizedText } from '../issues.js';
import { diffFormVersions } from './form-diff.js';
import { compareBump, type BumpLevel, type DiffOptions, type RequiredBump, type SchemaChange } from './types.js';

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

/**
 * A version number too small for the changes it names. `message` is always the English text
 * (for logs and the CLI); a user interface picks `messages[locale]`. Both name the decisive
 * changes by their paths and their texts in the same language.
 */
export interface VersionBumpProblem {
  /** `version-not-greater`: not after the previous version; `version-bump-too-small`: the changes need a bigger bump. */
  code: 'version-not-greater' | 'version-bump-too-small';
  message: string;
  messages: LocalizedText;
  required: RequiredBump;
  actual: RequiredBump | 'invalid';
  /** The smallest version number that would be sufficient. */
  needed: string;
  changes: SchemaChange[];
}

const BUMP_DA: Record<RequiredBump, string> = {
  major: 'en ny hovedversion (major)',
  minor: 'en ny delversion (minor)',
  patch: 'en rettelse (patch)',
  none: 'kun et skift af forhåndsversion (pre-release)',
};

/**
 * Checks that `next`'s version number is at least the bump its changes from `prev` require.
 * Returns undefined when it is.
 */
export function checkVersionBump(
  prev: FormVersion,
  next: FormVersion,
  options: DiffOptions = {},
): VersionBumpProblem | undefined {
  const from = prev.manifest.version;
  const to = next.manifest.version;
  const { changes, required } = diffFormVersions(prev, next, options);
  let actual: RequiredBump;
  try {
    actual = versionBump(from, to);
  } catch (e) {
    const needed = nextVersionFor(from, required === 'none' ? 'patch' : required);
    const messages = {
      da: `Versionsnummeret skal være mindst ${needed}: ${to} kommer ikke efter ${from}.`,
      en: `${needed} needed: ${(e as Error).message}`,
    };
    return {
      code: 'version-not-greater',
      message: messages.en,
      messages,
      required,
      actual: 'invalid',
      needed,
      changes,
    };
  }
  if (required === 'none' || compareBump(actual, required) >= 0) return undefined;
  const needed = nextVersionFor(from, required);
  const decisive = changes.filter((c) => c.level === required);
  const shown = decisive
    .slice(0, 3)
    .map((c) => `${c.path}: ${c.message}`)
    .join('; ');
  const more = decisive.length > 3 ? ` (+${decisive.length - 3} more)` : '';
  const shownDa = decisive
    .slice(0, 3)
    .map((c) => `${c.path} (${c.messages.da})`)
    .join(', ');
  const moreDa = decisive.length > 3 ? ` og ${decisive.length - 3} andre` : '';
  const messages = {
    da: `Versionsnummeret skal være mindst ${needed}: ${next.manifest.id} ${from} → ${to} er ${BUMP_DA[actual]}, men ændringerne kræver ${BUMP_DA[required]}. Det skyldes ændringerne i ${shownDa}${moreDa}.`,
    en: `${needed} needed: ${next.manifest.id} ${from} → ${to} is a ${actual === 'none' ? 'pre-release' : actual} bump, but the changes need a ${required} bump: ${shown}${more}`,
  };
  return { code: 'version-bump-too-small', message: messages.en, messages, required, actual, needed, changes };
}
