import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../config/server-config.js';
import { optionalPrincipalOf } from '../auth/principal.js';
import { HttpProblem } from './problem.js';

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { windowMs: 60_000, limit: 600 };

/**
 * Limits requests per API key (by its id, never the key), or per client address without a key
 * (IPv6 addresses grouped by /56, so one network cannot rotate through addresses). Runs after the
 * key is identified; 429 is a problem document with Retry-After. The headers are those of the
 * IETF RateLimit draft 7, as before.
 *
 * Counting is rate-limiter-flexible's in-memory fixed window: one promise per request, where
 * express-rate-limit's middleware cost about a tenth of the validate endpoint's throughput.
 */
export function rateLimiter(config: RateLimitConfig = DEFAULT_RATE_LIMIT) {
  const windowS = Math.max(1, Math.ceil(config.windowMs / 1000));
  const limiter = new RateLimiterMemory({ points: config.limit, duration: windowS });
  const policy = `${config.limit};w=${windowS}`;
  const keyOf = (req: Request, res: Response): string => {
    const principal = optionalPrincipalOf(res);
    return principal ? `key:${principal.keyId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
  };
  const setHeaders = (res: Response, r: RateLimiterRes): void => {
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader('RateLimit', `limit=${config.limit}, remaining=${r.remainingPoints}, reset=${Math.max(0, Math.ceil(r.msBeforeNext / 1000))}`);
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    limiter.consume(keyOf(req, res)).then(
      (r) => {
        setHeaders(res, r);
        next();
      },
      (r: unknown) => {
        if (!(r instanceof RateLimiterRes)) return next(r);
        setHeaders(res, r);
        const seconds = Math.max(1, Math.ceil(r.msBeforeNext / 1000));
        next(
          new HttpProblem(
            'too-many-requests',
            { da: `For mange forespørgsler; prøv igen om ${seconds} sekunder.`, en: `Too many requests; try again in ${seconds} seconds.` },
            { headers: { 'Retry-After': String(seconds) } },
          ),
        );
      },
    );
  };
}
