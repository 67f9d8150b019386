import { Router } from 'express';
import type { FormVersion, Locale } from '@skema/core';
import { renderSubmissionPdf } from '@skema/documents';
import { storedJudgedDate } from '@skema/submissions';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES, type Role } from '../auth/roles.js';
import type { DocumentPolicy } from '../config/webhooks-config.js';
import { API_BASE, type AppContext } from '../context.js';
import { ifNoneMatchHits } from '../http/etag.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem } from '../http/problem.js';

/** Who may fetch documents: those who read submissions, auditors, and integrations (an archive fetching what a webhook announced). */
const DOCUMENT_ROLES: readonly Role[] = [...SUBMISSION_ROLES, 'auditor', 'integration'];

function queryLocale(raw: unknown, fallback: Locale): Locale {
  if (raw === undefined) return fallback;
  if (raw === 'da' || raw === 'en') return raw;
  throw new HttpProblem(
    'invalid-request',
    { da: 'locale skal være da eller en.', en: 'locale must be da or en.' },
    { issues: [{ path: '/locale', code: 'enum', message: 'locale must be da or en' }] },
  );
}

function queryRevision(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw)) return Number(raw);
  throw new HttpProblem(
    'invalid-request',
    { da: 'revision skal være et positivt heltal.', en: 'revision must be a positive integer.' },
    { issues: [{ path: '/revision', code: 'type', message: 'revision must be a positive integer' }] },
  );
}

/**
 * `GET /submissions/{id}/document.pdf[?revision=N][&locale=da|en]`: the archival PDF/A-3a case
 * document of a revision (default the current one), rendered with the tenant's effective form, the
 * stored receipt, the warnings and deadlines of a fresh validation, the revision's approvals and
 * who submitted. Audited like a read; another tenant's submission is 404; CPR numbers are masked
 * unless the tenant's document policy shows them.
 */
export function submissionDocumentRouter(ctx: AppContext, policyOf: (tenantId: string) => DocumentPolicy): Router {
  const router = Router();
  router.get(`${API_BASE}/submissions/:id/document.pdf`, requireAuth, requireRole(DOCUMENT_ROLES), async (req, res) => {
    const actor = actorOf(principalOf(res));
    const locale = queryLocale(req.query.locale, localeOf(req));
    const wanted = queryRevision(req.query.revision);
    const { submission, revision, submitted } = await ctx.submissions.forDocument(actor, String(req.params.id), wanted);
    const showCpr = policyOf(actor.tenantId).showCpr === true;
    const etag = `"doc-${submission.id}-${revision.revision}-${locale}-${showCpr ? 'cpr' : 'masked'}"`;
    res.set('ETag', etag).set('Cache-Control', 'private, no-cache');
    if (ifNoneMatchHits(req, etag)) return void res.status(304).end();

    let form: FormVersion;
    try {
      form = ctx.forms.resolve(actor.tenantId, revision.formId, revision.version);
    } catch {
      // The tenant's configuration no longer resolves this version: the national form it was made with.
      form = ctx.registry.resolve(revision.formId, revision.version);
    }
    const fresh = await ctx.validation.validate(form, revision.data, {
      locale,
      mode: revision.status === 'draft' ? 'draft' : 'submitted',
      tenant: actor,
      now: ctx.now(),
      ...storedJudgedDate(revision),
    });
    const pdf = await renderSubmissionPdf({
      form,
      submission: {
        id: submission.id,
        data: revision.data,
        status: revision.status,
        createdAt: submission.createdAt,
        updatedAt: revision.at,
        ...(submitted ? { submittedAt: submitted.at } : {}),
        createdBy: submission.createdBy,
        revision: revision.revision,
        ...(revision.approvals ? { approvals: revision.approvals } : {}),
      },
      validation: { ...fresh, receipt: revision.receipt },
      locale,
      options: { showCpr, ...(submitted ? { submittedBy: { id: submitted.by, at: submitted.at } } : {}) },
    });
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${submission.id}-r${revision.revision}.pdf"`)
      .set('Content-Length', String(pdf.length))
      .end(pdf);
  });
  return router;
}
