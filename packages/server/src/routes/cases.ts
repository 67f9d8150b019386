import { Router, type Response } from 'express';
import type { CaseFilter, CaseRecord } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifMatchOf, ifNoneMatchHits, submissionEtag } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';
import { queryParser, rethrowBadCursor } from '../http/query.js';
import { listCasesParams } from '../schemas/api-parameters.js';
import { writeResult } from '../submissions/submission-view.js';

const sendCase = (res: Response, record: CaseRecord, status = 200): void => {
  res
    .status(status)
    .set('ETag', submissionEtag(record.id, record.revision))
    .set('Cache-Control', 'private, no-cache')
    .json(record);
};

/** Cases (sager): thin adapters over `Cases`; 501 when the store keeps no cases. */
export function casesRouter(ctx: AppContext): Router {
  const router = Router();
  const parseList = queryParser<Omit<CaseFilter, 'text'> & { q?: string }>(listCasesParams);
  const cases = () => {
    if (!ctx.cases)
      throw new HttpProblem('not-implemented', {
        da: 'Denne server gemmer ikke sager.',
        en: 'This server keeps no cases.',
      });
    return ctx.cases;
  };
  const guard = [requireAuth, requireRole(SUBMISSION_ROLES)];
  const base = `${API_BASE}/cases`;

  router.post(base, ...guard, async (req, res) => {
    const body = ctx.validator.parse('CaseCreate', req);
    const record = await cases().create(actorOf(principalOf(res)), body);
    res.set('Location', `${base}/${encodeURIComponent(record.id)}`);
    sendCase(res, record, 201);
  });

  router.get(base, ...guard, async (req, res) => {
    const { q, ...rest } = parseList(req);
    const filter: CaseFilter = { ...rest, ...(q ? { text: q } : {}) };
    const page = await cases()
      .list(actorOf(principalOf(res)), filter)
      .catch(rethrowBadCursor(filter.cursor));
    res.set('Cache-Control', 'private, no-cache').json(page);
  });

  router.get(`${base}/:id`, ...guard, async (req, res) => {
    const record = await cases().get(actorOf(principalOf(res)), String(req.params.id));
    if (ifNoneMatchHits(req, submissionEtag(record.id, record.revision))) return void res.status(304).end();
    sendCase(res, record);
  });

  router.patch(`${base}/:id`, ...guard, async (req, res) => {
    const body = ctx.validator.parse('CaseUpdate', req);
    const id = String(req.params.id);
    sendCase(res, await cases().update(actorOf(principalOf(res)), id, body, ifMatchOf(req, id)));
  });

  router.post(`${base}/:id/close`, ...guard, async (req, res) => {
    const id = String(req.params.id);
    sendCase(res, await cases().close(actorOf(principalOf(res)), id, ifMatchOf(req, id)));
  });

  router.post(`${base}/:id/attach`, ...guard, async (req, res) => {
    const body = ctx.validator.parse('CaseAttach', req);
    const id = String(req.params.id);
    sendCase(res, await cases().attach(actorOf(principalOf(res)), id, body.submissionIds, ifMatchOf(req, id)));
  });

  router.post(`${base}/:id/submissions`, ...guard, async (req, res) => {
    const body = ctx.validator.parse('SubmissionCreate', req);
    const created = await cases().createSubmission(
      actorOf(principalOf(res)),
      String(req.params.id),
      body,
      localeOf(req),
    );
    const { submission } = created;
    res
      .status(201)
      .set('Location', `${API_BASE}/submissions/${encodeURIComponent(submission.id)}`)
      .set('ETag', submissionEtag(submission.id, submission.revision))
      .json({ ...writeResult(created), caseId: created.case.id });
  });

  router.get(`${base}/:id/prefill/:formId`, ...guard, async (req, res) => {
    const version = typeof req.query.version === 'string' && req.query.version ? req.query.version : 'latest';
    const result = await cases().prefill(
      actorOf(principalOf(res)),
      String(req.params.id),
      String(req.params.formId),
      version,
    );
    res.set('Cache-Control', 'private, no-store').json(result);
  });

  return router;
}
