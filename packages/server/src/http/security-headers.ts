import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { API_BASE } from '../context.js';

/**
 * Pages (demo, embed script, /docs) get helmet's full set. JSON API responses get the set OWASP
 * recommends for APIs: nothing in them may be rendered, framed or sniffed, so the policy is
 * `default-src 'none'`. The short set also keeps ~600 bytes of page-only headers off every API call.
 */
export function securityHeaders() {
  // No upgrade-insecure-requests: the demo and /docs must also work over plain HTTP on a local network.
  // 'unsafe-eval': the browser runs the same Ajv validators as the server, and Ajv compiles them with new Function.
  const pages = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, scriptSrc: ["'self'", "'unsafe-eval'"] } } });
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
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path.startsWith(`${API_BASE}/`)) api(req, res, next);
    else pages(req, res, next);
  };
}
