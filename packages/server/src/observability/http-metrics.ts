import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.js';

/** The route template (`/api/v1/submissions/:id`), never the concrete path, to keep label sets small. */
export function routeTemplate(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (route && typeof route.path === 'string') return `${req.baseUrl}${route.path}`;
  return 'unmatched';
}

export function httpMetrics(metrics: Metrics) {
  // Label sets are few (route templates × methods × statuses), so each gets its bound series once
  // instead of prom-client hashing the labels on every request.
  const series = new Map<string, { requests: { inc(): void }; duration: { observe(v: number): void } }>();
  const seriesFor = (method: string, route: string, status: string) => {
    const key = `${method} ${status} ${route}`;
    let found = series.get(key);
    if (!found) {
      const labels = { method, route, status };
      found = { requests: metrics.httpRequests.labels(labels), duration: metrics.httpDuration.labels(labels) };
      series.set(key, found);
    }
    return found;
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const { requests, duration } = seriesFor(req.method, routeTemplate(req), String(res.statusCode));
      requests.inc();
      duration.observe(Number(process.hrtime.bigint() - start) / 1e9);
    });
    next();
  };
}
