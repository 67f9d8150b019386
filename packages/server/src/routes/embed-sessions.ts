import { Router } from 'express';
import { requireAuth } from '../auth/authenticate.js';
import type { EmbedSessions } from '../auth/embed-sessions.js';
import { principalOf } from '../auth/principal.js';
import { EMBED_SESSION_ROLES, requireRole } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { localeOf } from '../http/locale.js';
import { HttpProblem, type ProblemIssue } from '../http/problem.js';

const FORM_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const VERSION = /^(latest|\d+\.\d+\.\d+)$/;

/**
 * `POST /embed-sessions` `{ formId, version }`: a portal's backend (an API key with role
 * `integration`) opens a short-lived session for one citizen and one form; the page gets only
 * the session's token (`<skema-form token>`), never the key.
 */
export function embedSessionsRouter(ctx: AppContext, sessions: EmbedSessions): Router {
  const router = Router();
  router.post(`${API_BASE}/embed-sessions`, requireAuth, requireRole(EMBED_SESSION_ROLES), async (req, res) => {
    const principal = principalOf(res);
    if (principal.kind !== 'system' || principal.scope) {
      throw new HttpProblem('forbidden', {
        da: 'Kun et systems API-nøgle kan åbne en indlejringssession.',
        en: "Only a system's API key can open an embed session.",
      });
    }
    const body = (req.body ?? {}) as { formId?: unknown; version?: unknown };
    const text = (da: string, en: string) => (localeOf(req) === 'en' ? en : da);
    const issues: ProblemIssue[] = [];
    if (typeof body.formId !== 'string' || !FORM_ID.test(body.formId))
      issues.push({
        path: '/formId',
        code: 'required',
        message: text('formId skal være et skema-id.', 'formId must be a form id.'),
      });
    if (typeof body.version !== 'string' || !VERSION.test(body.version))
      issues.push({
        path: '/version',
        code: 'required',
        message: text(
          'version skal være et versionsnummer (x.y.z) eller latest.',
          'version must be a version number (x.y.z) or latest.',
        ),
      });
    if (issues.length)
      throw new HttpProblem(
        'invalid-request',
        { da: 'Angiv formId og version.', en: 'Give formId and version.' },
        { issues },
      );
    const formId = body.formId as string;
    const requested = body.version as string;
    // Pinned now: the token stays with the version the portal was given, even if a newer one is published.
    const form = ctx.forms.resolve(principal.tenantId, formId, requested);
    const opened = await sessions.open(principal, { formId, version: form.manifest.version, requested });
    res.status(201).set('Cache-Control', 'no-store').json({
      token: opened.token,
      expiresAt: opened.expiresAt.toISOString(),
      formId: opened.formId,
      version: opened.version,
    });
  });
  return router;
}
