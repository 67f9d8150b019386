import { Router } from 'express';
import jsonPatch from 'fast-json-patch';
import { migrateSubmission, planMigration, RevisionConflictError, type FormRegistry, type Submission } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';
import { SubmissionService } from '../submissions/submission-service.js';
import { errorCount, errorIssues, patchDocument, writeResult } from '../submissions/submission-view.js';
import { EDITABLE_STATUSES } from '../transitions/status-graph.js';

const conflict = (current: number) =>
  new HttpProblem('revision-conflict', {
    da: `Indsendelsen er nu på revision ${current}; hent den igen, før den migreres.`,
    en: `The submission is now at revision ${current}; fetch it again before migrating it.`,
  });

/**
 * Moves a submission to a later version of its form with the versions' declared migrations
 * (JSON Patch or plugin), validates the result under the target version (the tenant's effective
 * form) and stores it as a new revision; the old revision and its receipt stay.
 */
export function submissionMigrateRouter(ctx: AppContext): Router {
  const router = Router();
  const service = new SubmissionService(ctx);

  router.post(`${API_BASE}/submissions/:id/migrate`, requireAuth, requireRole(SUBMISSION_ROLES), ctx.validator.body('MigrateRequest'), async (req, res) => {
    const principal = principalOf(res);
    const locale = localeOf(req);
    const target = (req.body as { version: string }).version;
    const migrate = async (current: Submission, expected: number) => {
      if (!EDITABLE_STATUSES.has(current.status)) {
        throw new HttpProblem('not-editable', {
          da: `En indsendelse med status ${current.status} kan ikke migreres.`,
          en: `A submission with status ${current.status} cannot be migrated.`,
        });
      }
      const own = ctx.forms.source(principal.tenantId)?.forms;
      const registry: FormRegistry = own?.has(current.formId) ? own : ctx.registry;
      const plan = planMigration(registry, current.formId, current.version, target);
      const version = plan.to.manifest.version;
      if (version === current.version) {
        throw new HttpProblem('migration-impossible', {
          da: `Indsendelsen er allerede på version ${version}.`,
          en: `The submission is already at version ${version}.`,
        });
      }
      const migrated = migrateSubmission({ data: current.data, ...plan, plugins: ctx.engine.plugins });
      const form = service.resolveForm(principal.tenantId, current.formId, version);
      const result = await service.validate(form, migrated.data, current.status, principal, locale);
      if (!result.valid) {
        throw new HttpProblem(
          'migration-invalid',
          {
            da: `De migrerede data har ${errorCount(result)} fejl under version ${version}; indsendelsen er ikke ændret.`,
            en: `The migrated data has ${errorCount(result)} error(s) under version ${version}; the submission is unchanged.`,
          },
          { issues: errorIssues(result), members: { errors: result.errors, ...(result.truncated ? { truncated: result.truncated } : {}) } },
        );
      }
      const at = ctx.now().toISOString();
      const data = migrated.data as Record<string, unknown>;
      const updated = await ctx.store.update(
        principal.tenantId,
        current.id,
        {
          expectedRevision: expected,
          data,
          version,
          receipt: result.receipt,
          action: 'migrate',
          changes: jsonPatch.compare(patchDocument(current), patchDocument({ ...current, version, data })) as unknown as Array<Record<string, unknown>>,
          by: principal.keyId,
          at,
        },
        {
          tenantId: principal.tenantId,
          at,
          actor: principal.keyId,
          action: 'migrate',
          submissionId: current.id,
          details: { revision: expected + 1, from: current.version, version, steps: migrated.steps.map((s) => `${s.from}→${s.to}:${s.kind}`) },
        },
      );
      return { updated, result };
    };
    let migration;
    try {
      migration = await service.writeCurrent(req, principal, req.params.id as string, migrate);
    } catch (e) {
      // A stale If-Match (412) or a change that landed meanwhile: migrate answers 409, as documented.
      if (e instanceof HttpProblem && e.kind === 'precondition-failed') throw conflict((await service.load(principal, req.params.id as string)).revision);
      if (e instanceof RevisionConflictError) throw conflict(e.actual);
      throw e;
    }
    const { updated, result } = migration;
    res
      .status(201)
      .set('Location', `${API_BASE}/submissions/${encodeURIComponent(updated.id)}`)
      .set('ETag', submissionEtag(updated.id, updated.revision))
      .json(writeResult(updated, result));
  });

  return router;
}
