import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import semver from 'semver';
import type { FormMigration, FormVersion } from '../form.js';
import type { SkemaPlugin } from '../plugin.js';
import type { FormRegistry } from '../registry.js';
import { MigrationError } from './migration-error.js';

export type MigrationStepKind = 'patch' | 'plugin' | 'none';

/** One version step a submission went through. */
export interface MigrationStep {
  from: string;
  to: string;
  kind: MigrationStepKind;
}

/** The versions a submission passes through; `chain` holds those strictly between, oldest first. */
export interface MigrationPlan {
  from: FormVersion;
  to: FormVersion;
  chain: FormVersion[];
}

export interface MigrateSubmissionInput extends MigrationPlan {
  data: unknown;
  /** Plugins whose `migrations` may be named by a version's `migration.plugin`. */
  plugins: readonly SkemaPlugin[];
}

export interface MigrationResult {
  /** The migrated data; the caller validates it against `to` and refuses it when invalid. */
  data: unknown;
  steps: MigrationStep[];
}

/**
 * Moves a submission's data from one version of a form to a later one, applying each version's
 * declared migration in order. Minor and patch steps need none (they are backwards compatible);
 * a step into a new major version must declare one. The input is never mutated.
 */
export function migrateSubmission({ data, from, to, chain, plugins }: MigrateSubmissionInput): MigrationResult {
  const versions = sequence(from, to, chain);
  let current: unknown = structuredClone(data);
  const steps: MigrationStep[] = [];
  for (let i = 1; i < versions.length; i++) {
    const prev = versions[i - 1]!;
    const next = versions[i]!;
    const kind = stepKind(prev, next);
    const migration = next.manifest.migration;
    if (kind === 'patch') current = applyPatchStep(current, migration!.patch, prev, next);
    if (kind === 'plugin') current = applyPluginStep(current, migration!.plugin!, plugins, prev, next);
    steps.push({ from: prev.manifest.version, to: next.manifest.version, kind });
  }
  return { data: current, steps };
}

/**
 * The versions of `formId` a submission passes through from `fromVersion` to `toVersion` (an exact
 * version, a range or `latest`). Throws `FormNotFoundError` for unknown versions and
 * `MigrationError` for a downgrade or a major step without a usable migration.
 */
export function planMigration(
  registry: FormRegistry,
  formId: string,
  fromVersion: string,
  toVersion: string,
): MigrationPlan {
  const from = registry.resolve(formId, fromVersion);
  const to = registry.resolve(formId, toVersion);
  const a = from.manifest.version;
  const b = to.manifest.version;
  if (semver.lt(b, a)) {
    throw new MigrationError(
      'downgrade',
      `${formId}: cannot migrate from ${a} down to ${b}; submissions only move to later versions`,
      formId,
      a,
      b,
    );
  }
  const chain = registry
    .versions(formId)
    .filter((v) => semver.gt(v.manifest.version, a) && semver.lt(v.manifest.version, b));
  const versions = [from, ...chain, ...(a === b ? [] : [to])];
  // Fail at planning time, before any data is touched, when a step cannot be made.
  for (let i = 1; i < versions.length; i++) stepKind(versions[i - 1]!, versions[i]!);
  return { from, to, chain };
}

/** `from`, the intermediate versions and `to`, checked to be one form in strictly ascending order. */
function sequence(from: FormVersion, to: FormVersion, chain: readonly FormVersion[]): FormVersion[] {
  const formId = from.manifest.id;
  const a = from.manifest.version;
  const b = to.manifest.version;
  const invalid = (message: string) =>
    new MigrationError('invalid-chain', `${formId} ${a} → ${b}: ${message}`, formId, a, b);
  if (to.manifest.id !== formId) throw invalid(`the target is a version of another form (${to.manifest.id})`);
  if (semver.lt(b, a)) {
    throw new MigrationError(
      'downgrade',
      `${formId}: cannot migrate from ${a} down to ${b}; submissions only move to later versions`,
      formId,
      a,
      b,
    );
  }
  // Callers may pass the chain with or without its two ends.
  const between = chain.filter((v) => v.manifest.version !== a && v.manifest.version !== b);
  let last = a;
  for (const v of between) {
    const version = v.manifest.version;
    if (v.manifest.id !== formId)
      throw invalid(`the chain holds a version of another form (${v.manifest.id}@${version})`);
    if (!semver.gt(version, last) || !semver.lt(version, b)) {
      throw invalid(`the chain must hold the versions between them in ascending order, found ${version} after ${last}`);
    }
    last = version;
  }
  return a === b ? [from] : [from, ...between, to];
}

/** What the step from `prev` to `next` does; throws when `next` cannot take data of `prev`. */
function stepKind(prev: FormVersion, next: FormVersion): MigrationStepKind {
  const formId = next.manifest.id;
  const a = prev.manifest.version;
  const b = next.manifest.version;
  const fail = (reason: 'missing-migration' | 'wrong-source' | 'ambiguous-migration', message: string) =>
    new MigrationError(reason, `${formId} ${a} → ${b}: ${message}`, formId, a, b);
  const breaking = semver.major(a) !== semver.major(b);
  const migration: FormMigration | undefined = next.manifest.migration;
  const hasPatch = migration?.patch !== undefined;
  const hasPlugin = migration?.plugin !== undefined;

  if (!migration || (!hasPatch && !hasPlugin)) {
    if (breaking)
      throw fail(
        'missing-migration',
        `${b} is a new major version and declares no migration (form.json "migration": { "from", "patch" | "plugin" })`,
      );
    return 'none';
  }
  if (hasPatch && hasPlugin)
    throw fail('ambiguous-migration', `${b} declares both a patch and a plugin migration; declare one`);
  // A migration is written for data of one version; later minor/patch versions of that major are
  // backwards compatible with it, so it also applies to their data.
  const source = migration.from;
  if (
    typeof source !== 'string' ||
    !semver.valid(source) ||
    semver.major(source) !== semver.major(a) ||
    semver.gt(source, a)
  ) {
    throw fail(
      'wrong-source',
      `${b} declares a migration from ${String(source)}, which does not apply to data of ${a} (the previous version)`,
    );
  }
  return hasPatch ? 'patch' : 'plugin';
}

/** Readable causes for fast-json-patch's error names (its messages embed the document, so they are never used). */
const PATCH_FAILURES: Record<string, string> = {
  OPERATION_PATH_UNRESOLVABLE: 'the path does not exist in the data',
  OPERATION_FROM_UNRESOLVABLE: 'the "from" location does not exist in the data',
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: 'the path has an illegal array index',
  OPERATION_VALUE_OUT_OF_BOUNDS: 'the array index is out of bounds',
  TEST_OPERATION_FAILED: 'the test operation did not match the data',
  OPERATION_OP_INVALID: 'the operation is not one of add, remove, replace, move, copy, test',
  OPERATION_PATH_INVALID: 'the operation has no valid path',
  OPERATION_FROM_REQUIRED: 'the operation needs a "from"',
  OPERATION_VALUE_REQUIRED: 'the operation needs a "value"',
  OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED: 'the value contains undefined',
  OPERATION_NOT_AN_OBJECT: 'the operation is not an object',
  SEQUENCE_NOT_AN_ARRAY: 'the patch is not an array of operations',
};

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function applyPatchStep(data: unknown, patch: FormMigration['patch'], prev: FormVersion, next: FormVersion): unknown {
  const formId = next.manifest.id;
  const a = prev.manifest.version;
  const b = next.manifest.version;
  const ops = (patch ?? []) as unknown as Operation[];
  try {
    // validate = true: a missing "from" or path fails instead of being silently ignored.
    return jsonpatch.applyPatch(data, ops, true, false).newDocument;
  } catch (e) {
    const error = e as { name?: unknown; index?: unknown; operation?: unknown };
    // fast-json-patch reports index 0 for a missing "from", but the failing operation itself.
    const found = Array.isArray(ops) ? ops.indexOf(error.operation as Operation) : -1;
    const index = found >= 0 ? found : typeof error.index === 'number' ? error.index : undefined;
    const op =
      index === undefined || !Array.isArray(ops)
        ? undefined
        : (ops[index] as unknown as Record<string, unknown> | undefined);
    const where = op
      ? ` at operation ${index} (${[op.op, op.from === undefined ? '' : `from ${asText(op.from)}`, op.path === undefined ? '' : `path ${asText(op.path)}`].filter(Boolean).join(' ')})`
      : '';
    const name = typeof error.name === 'string' ? error.name : 'Error';
    const cause = PATCH_FAILURES[name] ?? `the data could not be patched (${name})`;
    throw new MigrationError(
      'patch-failed',
      `${formId} ${a} → ${b}: the migration patch failed${where}: ${cause}`,
      formId,
      a,
      b,
    );
  }
}

function applyPluginStep(
  data: unknown,
  name: string,
  plugins: readonly SkemaPlugin[],
  prev: FormVersion,
  next: FormVersion,
): unknown {
  const formId = next.manifest.id;
  const a = prev.manifest.version;
  const b = next.manifest.version;
  const providers = plugins.filter((p) => p.migrations !== undefined && Object.hasOwn(p.migrations, name));
  if (providers.length === 0) {
    throw new MigrationError(
      'unknown-plugin',
      `${formId} ${a} → ${b}: no registered plugin provides the migration "${name}"`,
      formId,
      a,
      b,
    );
  }
  if (providers.length > 1) {
    const names = providers.map((p) => p.name).join(', ');
    throw new MigrationError(
      'ambiguous-migration',
      `${formId} ${a} → ${b}: the migration "${name}" is provided by several plugins (${names})`,
      formId,
      a,
      b,
    );
  }
  const fn = providers[0]!.migrations![name]!;
  let result: unknown;
  try {
    // A private copy: a plugin that edits its argument in place cannot reach the caller's data.
    result = fn(structuredClone(data));
  } catch (e) {
    // Only the error's name: a plugin's message might quote the data.
    const errorName = e instanceof Error ? e.name : typeof e;
    throw new MigrationError(
      'plugin-failed',
      `${formId} ${a} → ${b}: the migration "${name}" of ${providers[0]!.name} failed (${errorName})`,
      formId,
      a,
      b,
    );
  }
  if (result === undefined) {
    throw new MigrationError(
      'plugin-failed',
      `${formId} ${a} → ${b}: the migration "${name}" of ${providers[0]!.name} returned no data`,
      formId,
      a,
      b,
    );
  }
  return result;
}
