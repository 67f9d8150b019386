import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { contentHash, type Locale, type NewSubmission, type SubmissionStatus } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf, type Principal } from '../auth/principal.js';
import { assertRole, requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';
import { SubmissionService } from '../submissions/submission-service.js';
import { submissionAt, writeResult, type SubmissionWriteResult } from '../submissions/submission-view.js';
import { TRANSITION_ROLES } from '../transitions/status-graph.js';

interface CreateBody {
  formId: string;
  version: string;
  data: Record<string, unknown>;
  status: Extract<SubmissionStatus, 'draft' | 'submitted'>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function sendCreated(res: Response, result: SubmissionWriteResult): void {
  const { submission } = result;
  res
    .status(201)
    .set('Location', `${API_BASE}/submissions/${encodeURIComponent(submission.id)}`)
    .set('ETag', submissionEtag(submission.id, submission.revision))
    .json(result);
}

export function submissionsCreateRouter(ctx: AppContext): Router {
  const router = Router();
  const service = new SubmissionService(ctx);

  /** With a submitted status, the form's guards for `submitted` apply (e.g. UND-03 co-signature). */
  function guardSubmitted(principal: Principal, body: CreateBody, formVersion: string, locale: Locale): void {
    if (body.status !== 'submitted') return;
    assertRole(principal, TRANSITION_ROLES.submitted);
    const decision = ctx.guards.decide({ formId: body.formId, version: formVersion, from: null, to: 'submitted', data: body.data, actor: principal, approvals: [] });
    if (decision.outcome === 'deny') {
      throw new HttpProblem('forbidden', decision.reason, { issues: [{ path: '', code: decision.code, message: decision.reason[locale] }] });
    }
    if (decision.outcome === 'approve' && decision.pending.length) {
      throw new HttpProblem('invalid-transition', { da: 'Opret som kladde og skift derefter status.', en: 'Create a draft, then change its status.' });
    }
  }

  router.post(`${API_BASE}/submissions`, requireAuth, requireRole(SUBMISSION_ROLES), ctx.validator.body('SubmissionCreate'), async (req, res) => {
    const principal = principalOf(res);
    const locale = localeOf(req);
    const body = req.body as CreateBody;
    const key = req.get('idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new HttpProblem('invalid-request', { da: 'Idempotency-Key skal være 1–200 synlige ASCII-tegn.', en: 'Idempotency-Key must be 1–200 visible ASCII characters.' });
    }
    const form = service.resolveForm(principal.tenantId, body.formId, body.version);
    const result = await service.validate(form, body.data, body.status, principal, locale);
    service.assertValid(result);
    guardSubmitted(principal, body, form.manifest.version, locale);

    const at = ctx.now().toISOString();
    const input: NewSubmission = {
      id: randomUUID(),
      tenantId: principal.tenantId,
      formId: form.manifest.id,
      version: form.manifest.version,
      status: body.status,
      data: body.data,
      receipt: result.receipt,
      by: principal.keyId,
      at,
    };
    const audit = {
      tenantId: principal.tenantId,
      at,
      actor: principal.keyId,
      action: 'create' as const,
      submissionId: input.id,
      details: { formId: input.formId, version: input.version, status: input.status, revision: 1 },
    };
    const requestHash = contentHash({ formId: body.formId, version: body.version, status: body.status, data: body.data });
    const created = await ctx.store.create(input, audit, key !== undefined ? { key, requestHash } : undefined);
    if (created.created) return sendCreated(res, writeResult(created.submission, result));

    if (created.idempotency.requestHash !== requestHash) {
      throw new HttpProblem('idempotency-key-reused', {
        da: 'Denne Idempotency-Key er allerede brugt til en anden forespørgsel.',
        en: 'This Idempotency-Key was already used for a different request.',
      });
    }
    // A retry gets the first result: the submission as created, with the warnings it had then.
    const first = (await ctx.store.revisions(principal.tenantId, created.submission.id))[0];
    if (!first) throw new Error('idempotent replay: the first revision is missing');
    const original = submissionAt(principal.tenantId, first, created.submission.createdAt, created.submission.createdBy);
    const firstForm = service.resolveForm(principal.tenantId, original.formId, original.version);
    const replayed = await service.validate(firstForm, original.data, original.status, principal, locale, new Date(first.receipt.validatedAt));
    sendCreated(res, writeResult(original, { ...replayed, receipt: first.receipt }));
  });

  return router;
}
