import type { Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { RateLimitConfig } from '../config/server-config.js';
import { optionalPrincipalOf } from '../auth/principal.js';
import { HttpProblem } from './problem.js';

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { windowMs: 60_000, limit: 600 };

/**
 * Limits requests per API key (by its id, never the key), or per client address without a key.
 * Runs after the key is identified; 429 is a problem document with Retry-After.
 */
export function rateLimiter(config: RateLimitConfig = DEFAULT_RATE_LIMIT) {
  return rateLimit({
    windowMs: config.windowMs,
    limit: config.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req: Request, res: Response) => {
      const principal = optionalPrincipalOf(res);
      return principal ? `key:${principal.keyId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, res, next, options) => {
      const reset = (_req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : Math.ceil(options.windowMs / 1000);
      next(
        new HttpProblem(
          'too-many-requests',
          { da: `For mange forespørgsler; prøv igen om ${seconds} sekunder.`, en: `Too many requests; try again in ${seconds} seconds.` },
          { headers: { 'Retry-After': String(seconds) } },
        ),
      );
    },
  });
}
