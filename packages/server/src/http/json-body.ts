import express, { type NextFunction, type Request, type Response } from 'express';
import { optionalPrincipalOf } from '../auth/principal.js';
import { assertWithinBudget, DEFAULT_DATA_BUDGET, type DataBudget } from './data-budget.js';
import { HttpProblem } from './problem.js';

export interface JsonBodyLimits {
  /** Largest body of a request with a valid API key. */
  keyed: string | number;
  /** Largest body of a request without one (the open validate endpoint): smaller, it costs us, not them. */
  anonymous: string | number;
  /** What the parsed body may hold (nodes, depth, array length), checked before any route sees it. */
  budget?: DataBudget;
}

/**
 * Parses JSON bodies only. A body in another media type, or JSON in another charset than UTF-8,
 * is 415; no body at all is left to the route's schema check (400). Size and syntax errors reach
 * the error handler as 413 / 400; a parsed body over the data budget is 413 naming the limit.
 */
export function jsonBody(limits: JsonBodyLimits) {
  const keyed = express.json({ limit: limits.keyed, strict: true, type: () => true });
  const anonymous = express.json({ limit: limits.anonymous, strict: true, type: () => true });
  const budget = limits.budget ?? DEFAULT_DATA_BUDGET;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req)) return next();
    assertJsonMediaType(req);
    const parse = optionalPrincipalOf(res) ? keyed : anonymous;
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      try {
        assertWithinBudget(req.body, budget);
      } catch (e) {
        return next(e);
      }
      next();
    });
  };
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/** 415 unless the body is JSON (`application/json` or a `+json` type) in UTF-8 (RFC 8259 §8.1). */
export function assertJsonMediaType(req: Request): void {
  if (!req.is(['application/json', 'application/*+json'])) {
    throw new HttpProblem('unsupported-media-type', {
      da: `Medietypen ${req.get('content-type') ?? '(ingen)'} understøttes ikke; send application/json.`,
      en: `Media type ${req.get('content-type') ?? '(none)'} is not supported; send application/json.`,
    });
  }
  const charset = CHARSET.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpProblem('unsupported-media-type', {
      da: `Tegnsættet ${charset} understøttes ikke; send JSON i UTF-8.`,
      en: `Charset ${charset} is not supported; send JSON in UTF-8.`,
    });
  }
}

/** True when the request announces a body (a length above 0, or chunked). */
export function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
