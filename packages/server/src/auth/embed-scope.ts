import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from '../http/problem.js';
import type { EmbedSessions } from './embed-sessions.js';
import { optionalPrincipalOf, type EmbedScope } from './principal.js';

const FORM = /^\/forms\/([^/]+)(?:\/versions\/([^/]+)(\/validate)?)?$/;
const SUBMISSION = /^\/submissions\/([^/]+)$/;

const outOfScope = () =>
  new HttpProblem('forbidden', {
    da: 'Denne adgang gælder kun én formular og den indsendelse, der oprettes med den.',
    en: 'This access is limited to one form and the submission created with it.',
  });

/**
 * The policy of embed sessions, applied before any route (mounted on the API base after the body
 * parser): a principal with an embed scope may load its form, validate against it, create at most
 * `maxCreates` submissions of it and read those; every other request is 403. The routes need not
 * know: the creation is counted here, from the `Location` of the route's 201.
 */
export function embedScope(sessions: EmbedSessions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const scope = optionalPrincipalOf(res)?.scope;
    if (!scope) return next();
    const path = req.path;
    const form = FORM.exec(path);
    if (form) {
      const [, formId, version, validate] = form;
      const allowed =
        decodeURIComponent(formId!) === scope.formId &&
        (version === undefined
          ? req.method === 'GET'
          : sessions.versionMatches(scope, decodeURIComponent(version)) && req.method === (validate ? 'POST' : 'GET'));
      return allowed ? next() : next(outOfScope());
    }
    if (path === '/submissions' && req.method === 'POST') return createOnce(sessions, scope, req, res, next);
    const submission = SUBMISSION.exec(path);
    if (submission && req.method === 'GET' && sessions.owns(scope, decodeURIComponent(submission[1]!))) return next();
    next(outOfScope());
  };
}

function createOnce(sessions: EmbedSessions, scope: EmbedScope, req: Request, res: Response, next: NextFunction): void {
  const body = req.body as { formId?: unknown; version?: unknown } | undefined;
  if (
    body?.formId !== scope.formId ||
    typeof body.version !== 'string' ||
    !sessions.versionMatches(scope, body.version)
  )
    return next(outOfScope());
  // The slot is taken in the shared store, atomically: two racing creates, on any instances, get one.
  sessions
    .reserveCreate(scope)
    .then((reservation) => (reservation ? track(sessions, scope, reservation, res, next) : next(outOfScope())), next);
}

function track(
  sessions: EmbedSessions,
  scope: EmbedScope,
  reservation: string,
  res: Response,
  next: NextFunction,
): void {
  let settled = false;
  let committed: Promise<void> | undefined;
  // The hook where the create succeeds: the route's 201 sets Location to the new submission before
  // any byte is sent; the answer is held until the store records it, so the session owns the
  // submission before the portal can ask for its receipt (on whichever instance).
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (!settled && res.statusCode === 201 && name.toLowerCase() === 'location') {
      settled = true;
      committed = sessions.commitCreate(scope, reservation, decodeURIComponent(String(value).split('/').pop()!));
    }
    return setHeader(name, value);
  };
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    if (!committed) return end(...args);
    // Should recording fail, the answer still goes out: the submission exists either way.
    void committed.catch(() => undefined).then(() => end(...args));
    return res;
  }) as Response['end'];
  res.once('close', () => {
    if (!settled) {
      settled = true;
      void sessions.releaseCreate(scope, reservation).catch(() => undefined);
    }
  });
  next();
}
