import { Router, type Response } from 'express';
import type { CreatedSubmission } from '@skema/submissions';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';
import { writeResult } from '../submissions/submission-view.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function sendCreated(res: Response, created: CreatedSubmission): void {
  const { submission } = created;
  res
    .status(201)
    .set('Location', `${API_BASE}/submissions/${encodeURIComponent(submission.id)}`)
    .set('ETag', submissionEtag(submission.id, submission.revision))
    .json(writeResult(created));
}

/** `POST /submissions`: an `Idempotency-Key` retry gets the first answer. */
export function submissionsCreateRouter(ctx: AppContext): Router {
  const router = Router();
  router.post(`${API_BASE}/submissions`, requireAuth, requireRole(SUBMISSION_ROLES), async (req, res) => {
    const body = ctx.validator.parse('SubmissionCreate', req);
    const idempotencyKey = req.get('idempotency-key');
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new HttpProblem('invalid-request', {
        da: 'Idempotency-Key skal være 1–200 synlige ASCII-tegn.',
        en: 'Idempotency-Key must be 1–200 visible ASCII characters.',
      });
    }
    sendCreated(
      res,
      await ctx.submissions.create(actorOf(principalOf(res)), { ...body, idempotencyKey }, localeOf(req)),
    );
  });
  return router;
}
