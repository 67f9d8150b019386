import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from '../http/problem.js';
import { AuthFailureLimiter, tooManyRequests } from '../http/rate-limit.js';
import type { Logger } from '../observability/logger.js';
import { EMBED_TOKEN_PREFIX, type EmbedSessions } from './embed-sessions.js';
import type { KeyRing } from './key-ring.js';
import { looksLikeJwt, TokenRejected, type OidcVerifier } from './oidc-verifier.js';
import type { Principal } from './principal.js';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="skema"' };
/** RFC 6750 §3.1: the one answer to any credential that is not accepted; why is logged, never said. */
const INVALID = { 'WWW-Authenticate': 'Bearer realm="skema", error="invalid_token"' };

/** What a bearer credential can be: an API key, an OIDC access token (JWT), or an embed session token. */
export interface Credentials {
  keys: KeyRing;
  oidc?: OidcVerifier;
  embed?: EmbedSessions;
}

const invalid = () =>
  new HttpProblem(
    'unauthorized',
    { da: 'Legitimationen er ugyldig eller udløbet.', en: 'The credentials are not valid or have expired.' },
    { headers: INVALID },
  );

/**
 * Reads `Authorization: Bearer <credential>` on every API request. An invalid credential is always
 * 401 (also on public routes) with the same generic answer whatever the reason; a missing one is
 * left to `requireAuth` on the routes that need one. Failures are counted per client address: past
 * the limit, any credential from that address is 429 (Retry-After) until the window ends.
 */
export function identify(
  credentials: Credentials | KeyRing,
  failures: AuthFailureLimiter = new AuthFailureLimiter(),
  logger?: Logger,
) {
  const { keys, oidc, embed } =
    'authenticate' in credentials ? { keys: credentials, oidc: undefined, embed: undefined } : credentials;
  const fail = (req: Request, next: NextFunction, reason: string) => {
    // The reason (never the credential) for the operator; the caller learns nothing from the answer.
    logger?.info({ reason, path: req.path }, 'credential refused');
    failures.fail(req).then((ms) => next(ms > 0 ? tooManyRequests(ms) : invalid()), next);
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization');
    if (!header) return next();
    const blocked = failures.blockedFor(req);
    if (blocked > 0) throw tooManyRequests(blocked);
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!token) return fail(req, next, 'not a bearer credential');
    if (oidc?.enabled && looksLikeJwt(token)) {
      const known = oidc.cached(token);
      if (known) return accept(res, known, next);
      oidc.verify(token).then(
        (principal) => accept(res, principal, next),
        (e: unknown) => (e instanceof TokenRejected ? fail(req, next, e.message) : next(e)),
      );
      return;
    }
    if (token.startsWith(EMBED_TOKEN_PREFIX)) {
      // Sessions live in the store, shared by every instance.
      if (!embed) return fail(req, next, 'unknown or expired embed session');
      embed
        .authenticate(token)
        .then(
          (session) => (session ? accept(res, session, next) : fail(req, next, 'unknown or expired embed session')),
          next,
        );
      return;
    }
    const principal = keys.authenticate(token);
    if (!principal)
      return fail(req, next, looksLikeJwt(token) ? 'a JWT, but no tenant has an identity provider' : 'unknown API key');
    accept(res, principal, next);
  };
}

function accept(res: Response, principal: Principal, next: NextFunction): void {
  res.locals.principal = principal;
  next();
}

export function requireAuth(_req: Request, res: Response, next: NextFunction): void {
  if (!res.locals.principal) {
    throw new HttpProblem(
      'unauthorized',
      {
        da: 'Angiv en API-nøgle eller et adgangstoken: Authorization: Bearer <…>.',
        en: 'Send an API key or an access token: Authorization: Bearer <…>.',
      },
      { headers: CHALLENGE },
    );
  }
  next();
}
