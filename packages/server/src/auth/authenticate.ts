import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from '../http/problem.js';
import { AuthFailureLimiter, tooManyRequests } from '../http/rate-limit.js';
import type { KeyRing } from './key-ring.js';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="skema"' };

/**
 * Reads `Authorization: Bearer <key>` on every API request. A wrong key is always 401, also on
 * public routes; a missing key is left to `requireAuth` on the routes that need one. Wrong keys
 * are counted per client address: past the limit, any key from that address is 429 (Retry-After)
 * until the window ends, so keys cannot be guessed at speed.
 */
export function identify(keys: KeyRing, failures: AuthFailureLimiter = new AuthFailureLimiter()) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization');
    if (!header) return next();
    const blocked = failures.blockedFor(req);
    if (blocked > 0) throw tooManyRequests(blocked);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = match?.[1] ? keys.authenticate(match[1]) : undefined;
    if (!principal) {
      failures.fail(req).then(
        (ms) => next(ms > 0 ? tooManyRequests(ms) : new HttpProblem('unauthorized', { da: 'API-nøglen er ugyldig.', en: 'The API key is not valid.' }, { headers: CHALLENGE })),
        next,
      );
      return;
    }
    res.locals.principal = principal;
    next();
  };
}

export function requireAuth(_req: Request, res: Response, next: NextFunction): void {
  if (!res.locals.principal) {
    throw new HttpProblem('unauthorized', { da: 'Angiv en API-nøgle: Authorization: Bearer <nøgle>.', en: 'Send an API key: Authorization: Bearer <key>.' }, { headers: CHALLENGE });
  }
  next();
}
