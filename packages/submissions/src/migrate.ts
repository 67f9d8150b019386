import {
  migrateSubmission,
  planMigration,
  RevisionConflictError,
  type FormRegistry,
  type Locale,
  type Submission,
} from '@skema/core';
import type { SubmissionActor } from './actor.js';
import type { SubmissionsDeps } from './deps.js';
import {
  MigrationImpossibleError,
  MigrationInvalidError,
  PreconditionFailedError,
  RevisionConflict,
} from './errors.js';
import { loadOwned, writeCurrent, type ExpectedRevision } from './preconditions.js';
import { auditEntry, contentChange } from './records.js';
import { assertEditable } from './update.js';
import { eventsOf } from './events.js';
import { resolveForm, validateJudged } from './validation.js';
import { judgeWrite, stampOf } from './reference-date.js';
import type { SubmissionWrite } from './write-result.js';

async function migrateCurrent(
  deps: SubmissionsDeps,
  actor: SubmissionActor,
  current: Submission,
  revision: number,
  target: string,
  locale: Locale,
): Promise<SubmissionWrite> {
  assertEditable(current, { da: 'migreres', en: 'migrated' });
  const own = deps.forms().source(actor.tenantId)?.forms;
  const registry: FormRegistry = own?.has(current.formId) ? own : deps.registry;
  const plan = planMigration(registry, current.formId, current.version, target);
  const version = plan.to.manifest.version;
  if (version === current.version) {
    throw new MigrationImpossibleError({
      da: `Indsendelsen er allerede på version ${version}.`,
      en: `The submission is already at version ${version}.`,
    });
  }
  const migrated = migrateSubmission({ data: current.data, ...plan, plugins: deps.plugins });
  const form = resolveForm(deps, actor.tenantId, current.formId, version);
  // The migrated data keeps the stamped date, at the target version's field (reference-date.ts).
  const judged = judgeWrite(form, migrated.data, await stampOf(deps.store, current), current.status, deps.now(), false);
  const validation = await validateJudged(deps, form, judged, current.status, actor, locale, {
    submissionId: current.id,
  });
  if (!validation.valid) throw new MigrationInvalidError(validation, version);
  const at = deps.now().toISOString();
  const submission = await deps.store.update(
    actor.tenantId,
    current.id,
    {
      ...contentChange(
        current,
        revision,
        { action: 'migrate', version, data: judged.data, receipt: validation.receipt },
        actor,
        at,
      ),
      events: eventsOf('migrate', current, { ...current, version, revision: revision + 1 }, at),
    },
    auditEntry(actor, at, 'migrate', current.id, {
      revision: revision + 1,
      from: current.version,
      version,
      steps: migrated.steps.map((s) => `${s.from}→${s.to}:${s.kind}`),
    }),
  );
  return { submission, validation, pendingApprovals: [] };
}

/**
 * Moves a submission to a later version of its form with the versions' declared migrations,
 * validates the result under the target version (the tenant's effective form) and stores it as a
 * new revision; the old revision and its receipt stay. A stale expectation, or a change that
 * landed meanwhile, is a `RevisionConflict`.
 */
export async function migrateSubmissionTo(
  deps: SubmissionsDeps,
  actor: SubmissionActor,
  id: string,
  target: string,
  expected: ExpectedRevision,
  locale: Locale,
): Promise<SubmissionWrite> {
  try {
    return await writeCurrent(deps.store, actor.tenantId, id, expected, (current, revision) =>
      migrateCurrent(deps, actor, current, revision, target, locale),
    );
  } catch (e) {
    if (e instanceof PreconditionFailedError)
      throw new RevisionConflict((await loadOwned(deps.store, actor.tenantId, id)).revision);
    if (e instanceof RevisionConflictError) throw new RevisionConflict(e.actual);
    throw e;
  }
}
