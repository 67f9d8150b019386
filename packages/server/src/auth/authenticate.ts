import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from '../http/problem.js';
import type { KeyRing } from './key-ring.js';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="skema"' };

/**
 * Reads `Authorization: Bearer <key>` on every API request. A wrong key is always 401, also on
 * public routes; a missing key is left to `requireAuth` on the routes that need one.
 */
export function identify(keys: KeyRing) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization');
    if (!header) return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = match?.[1] ? keys.authenticate(match[1]) : undefined;
    if (!principal) {
      throw new HttpProblem('unauthorized', { da: 'API-nøglen er ugyldig.', en: 'The API key is not valid.' }, { headers: CHALLENGE });
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
