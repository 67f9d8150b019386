import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.js';

/** The route template (`/api/v1/submissions/:id`), never the concrete path, to keep label sets small. */
export function routeTemplate(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (route && typeof route.path === 'string') return `${req.baseUrl}${route.path}`;
  return 'unmatched';
}

type Series = { requests: { inc(): void }; duration: { observe(v: number): void } };

export function httpMetrics(metrics: Metrics) {
  // Label sets are few (route templates × methods × statuses), so each gets its bound series once,
  // looked up by the matched route object: no label hashing or template strings per request.
  const UNMATCHED = {};
  const byRoute = new WeakMap<object, Map<string, Series>>();
  const seriesFor = (req: Request, status: number): Series => {
    const route = (req.route as object | undefined) ?? UNMATCHED;
    let byKey = byRoute.get(route);
    if (!byKey) {
      byKey = new Map();
      byRoute.set(route, byKey);
    }
    const key = `${req.method} ${status}`;
    let found = byKey.get(key);
    if (!found) {
      const labels = { method: req.method, route: routeTemplate(req), status: String(status) };
      found = { requests: metrics.httpRequests.labels(labels), duration: metrics.httpDuration.labels(labels) };
      byKey.set(key, found);
    }
    return found;
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const { requests, duration } = seriesFor(req, res.statusCode);
      requests.inc();
      duration.observe(Number(process.hrtime.bigint() - start) / 1e9);
    });
    next();
  };
}
