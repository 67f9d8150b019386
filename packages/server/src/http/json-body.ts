import express, { type NextFunction, type Request, type Response } from 'express';
import { HttpProblem } from './problem.js';

/**
 * Parses JSON bodies only. A body in another media type is 415; no body at all is left to the
 * route's schema check (400). Size and syntax errors reach the error handler as 413 / 400.
 */
export function jsonBody(limit: string | number) {
  const parse = express.json({ limit, strict: true, type: () => true });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req)) return next();
    assertJsonMediaType(req);
    parse(req, res, next);
  };
}

/** 415 unless the body is JSON (`application/json` or a `+json` type). */
export function assertJsonMediaType(req: Request): void {
  if (!req.is(['application/json', 'application/*+json'])) {
    throw new HttpProblem('unsupported-media-type', {
      da: `Medietypen ${req.get('content-type') ?? '(ingen)'} understøttes ikke; send application/json.`,
      en: `Media type ${req.get('content-type') ?? '(none)'} is not supported; send application/json.`,
    });
  }
}

/** True when the request announces a body (a length above 0, or chunked). */
export function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
