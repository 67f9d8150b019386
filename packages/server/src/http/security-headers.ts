import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { API_BASE } from '../context.js';

/**
 * Pages (demo, embed script, /docs) get helmet's full set. JSON API responses get the set OWASP
 * recommends for APIs: nothing in them may be rendered, framed or sniffed, so the policy is
 * `default-src 'none'`. The short set also keeps ~600 bytes of page-only headers off every API call.
 * API responses also vary by `Accept-Language`.
 */
export function securityHeaders(options: { connectSrc?: readonly string[] } = {}) {
  // No upgrade-insecure-requests: the demo and /docs must also work over plain HTTP on a local network.
  // 'unsafe-eval': the browser runs the same Ajv validators as the server, and Ajv compiles them with new Function.
  // connect-src: the identity providers the demo signs in with (discovery and token requests from the page).
  const directives: Record<string, string[] | null> = {
    upgradeInsecureRequests: null,
    scriptSrc: ["'self'", "'unsafe-eval'"],
  };
  if (options.connectSrc?.length) directives.connectSrc = ["'self'", ...options.connectSrc];
  const pages = helmet({ contentSecurityPolicy: { directives } });
  const api = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    frameguard: { action: 'deny' },
  });
  // The API set has no per-request part (no nonces): helmet computes it once, every API response reuses it.
  const apiHeaders = headersOf(api);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.path.startsWith(`${API_BASE}/`)) return pages(req, res, next);
    for (const [name, value] of apiHeaders) res.setHeader(name, value);
    // Every API answer may be localized (problem messages, rule messages), so caches keep one per language.
    // Set, not appended: nothing has set Vary yet this early, and later res.vary() calls append to it.
    res.setHeader('Vary', 'Accept-Language');
    next();
  };
}

/** The headers a helmet middleware sets, recorded from one run against a stand-in response. */
function headersOf(
  middleware: (req: Request, res: Response, next: (err?: unknown) => void) => void,
): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  // A holder, not a `let`: the callback assigns it, which control-flow narrowing does not see.
  const outcome: { failure?: Error } = {};
  const asError = (value: unknown) => (value instanceof Error ? value : new Error(String(value)));
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  middleware({} as Request, recorder as unknown as Response, (err) => {
    if (err) outcome.failure = asError(err);
  });
  if (outcome.failure) throw outcome.failure;
  return headers;
}
