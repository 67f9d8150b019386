import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../config/server-config.js';
import { optionalPrincipalOf } from '../auth/principal.js';
import { HttpProblem } from './problem.js';

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { windowMs: 60_000, limit: 600 };
/** Without a key only validation and form reads are open; each address gets a tenth of a key's share. */
export const DEFAULT_ANONYMOUS_RATE_LIMIT: RateLimitConfig = { windowMs: 60_000, limit: 120 };
/** Wrong keys per address before every keyed request from it is refused for the rest of the window. */
export const DEFAULT_AUTH_FAILURE_LIMIT: RateLimitConfig = { windowMs: 60_000, limit: 20 };

/** The client address as a limiter key: IPv6 grouped by /56, so one network cannot rotate through addresses. */
export function addressKey(req: Request): string {
  return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

/** One fixed window counted in memory by rate-limiter-flexible, with its RateLimit headers. */
class FixedWindow {
  private readonly limiter: RateLimiterMemory;
  private readonly policy: string;

  constructor(readonly config: RateLimitConfig) {
    const windowS = Math.max(1, Math.ceil(config.windowMs / 1000));
    this.limiter = new RateLimiterMemory({ points: config.limit, duration: windowS });
    this.policy = `${config.limit};w=${windowS}`;
  }

  consume(key: string): Promise<RateLimiterRes> {
    return this.limiter.consume(key);
  }

  setHeaders(res: Response, r: RateLimiterRes): void {
    res.setHeader('RateLimit-Policy', this.policy);
    res.setHeader(
      'RateLimit',
      `limit=${this.config.limit}, remaining=${r.remainingPoints}, reset=${Math.max(0, Math.ceil(r.msBeforeNext / 1000))}`,
    );
  }
}

export function tooManyRequests(msBeforeNext: number): HttpProblem {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpProblem(
    'too-many-requests',
    {
      da: `For mange forespørgsler; prøv igen om ${seconds} sekunder.`,
      en: `Too many requests; try again in ${seconds} seconds.`,
    },
    { headers: { 'Retry-After': String(seconds) } },
  );
}

/**
 * Limits requests per API key (by its id, never the key), and requests without a key per client
 * address under their own, stricter limit (the open validate endpoint costs us far more than the
 * caller). Runs after the key is identified; 429 is a problem document with Retry-After. The
 * headers are those of the IETF RateLimit draft 7.
 *
 * rate-limiter-flexible's in-memory fixed window costs one promise per request, where
 * express-rate-limit's middleware cost about a tenth of the validate endpoint's throughput.
 */
export function rateLimiter(
  keyed: RateLimitConfig = DEFAULT_RATE_LIMIT,
  anonymous: RateLimitConfig = DEFAULT_ANONYMOUS_RATE_LIMIT,
) {
  const perKey = new FixedWindow(keyed);
  const perAddress = new FixedWindow(anonymous);
  return (req: Request, res: Response, next: NextFunction): void => {
    const principal = optionalPrincipalOf(res);
    const window = principal ? perKey : perAddress;
    window.consume(principal ? `key:${principal.keyId}` : addressKey(req)).then(
      (r) => {
        window.setHeaders(res, r);
        next();
      },
      (r: unknown) => {
        if (!(r instanceof RateLimiterRes)) return next(r);
        window.setHeaders(res, r);
        next(tooManyRequests(r.msBeforeNext));
      },
    );
  };
}

/**
 * Counts failed authentications per client address. Past the limit, every request from that
 * address that presents a key is refused (429) until the window ends — also a right key, or
 * guessing would go on at full speed, told apart by 200 against 429. The check is synchronous
 * (a map of blocked addresses), so a request with a good key pays no promise for it.
 */
export class AuthFailureLimiter {
  private readonly limiter: RateLimiterMemory;
  private readonly blockedUntil = new Map<string, number>();

  constructor(config: RateLimitConfig = DEFAULT_AUTH_FAILURE_LIMIT) {
    this.limiter = new RateLimiterMemory({
      points: config.limit,
      duration: Math.max(1, Math.ceil(config.windowMs / 1000)),
    });
  }

  /** Milliseconds the address stays blocked, or 0. */
  blockedFor(req: Request): number {
    const key = addressKey(req);
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    const left = until - Date.now();
    if (left > 0) return left;
    this.blockedUntil.delete(key);
    return 0;
  }

  /** Records a failure; resolves to the ms the address is now blocked for (0 while under the limit). */
  async fail(req: Request): Promise<number> {
    const key = addressKey(req);
    try {
      await this.limiter.consume(key);
      return 0;
    } catch (r) {
      if (!(r instanceof RateLimiterRes)) throw r;
      this.blockedUntil.set(key, Date.now() + r.msBeforeNext);
      return r.msBeforeNext;
    }
  }
}
