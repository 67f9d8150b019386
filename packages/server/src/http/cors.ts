import cors from 'cors';
import type { RequestHandler } from 'express';
import { corsOriginProblems } from '../config/cors-origins.js';
import { ConfigError } from '../config/load-config.js';

/** Request headers the React client and `<skema-form>` send (packages/react/src/api.ts), and the conditional GET. */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'Idempotency-Key',
  'Accept-Language',
] as const;

/**
 * Response headers a portal's script may read: the client keeps `ETag` for the next `If-Match`;
 * `Location` names a created submission; `Retry-After` and the RateLimit headers tell it when to retry.
 * (Content-Type and Content-Language are readable anyway.)
 */
export const CORS_EXPOSED_HEADERS = ['ETag', 'Location', 'Retry-After', 'RateLimit', 'RateLimit-Policy'] as const;

/** Every method the API has a route for. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT'];

/** Browsers cache a preflight at most this long (Chromium caps it at two hours). */
const PREFLIGHT_MAX_AGE_S = 7200;

/**
 * CORS for the API (`cors` package), or `undefined` when no origin is allowed, so the app adds no
 * middleware at all. An allowed `Origin` is echoed in `Access-Control-Allow-Origin`; any other
 * gets no such header and the browser withholds the answer. Preflights (`OPTIONS`) are answered
 * here with 204, before the key is checked and before they count against the rate limit. No
 * credentials: the API uses bearer keys, never cookies.
 */
export function apiCors(origins: readonly string[] | undefined): RequestHandler | undefined {
  if (!origins?.length) return undefined;
  // createApp may get a config that loadServerConfig never saw (tests, embedding apps): check it here too.
  const problems = corsOriginProblems(origins);
  if (problems.length) throw new ConfigError('corsOrigins must list origins (scheme://host[:port]):', problems);
  return cors({
    // An array (never a single string, which cors would send to every origin): matched exactly, reflected when found.
    origin: [...origins],
    methods: METHODS,
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    maxAge: PREFLIGHT_MAX_AGE_S,
  });
}
