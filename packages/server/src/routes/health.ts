import { timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import { sha256 } from '../auth/key-ring.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/error-handler.js';

export interface MetricsAccess {
  /** Bearer token `/metrics` asks for. */
  token?: string | undefined;
  /** Serve `/metrics` to anyone when no token is set (development only). */
  open?: boolean;
}

/**
 * Liveness and readiness (the store answers), outside /api/v1 and without keys: they answer only
 * a status, no counts or store details (an open endpoint must not tell how much is stored).
 * Prometheus metrics carry internals (route latencies, process state), so `/metrics` asks for its
 * own bearer token; without a configured token it does not exist (404), except in development.
 */
export function healthRouter(ctx: AppContext, access: MetricsAccess = {}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    let ok: boolean;
    try {
      ok = (await ctx.store.health()).ok;
    } catch (e) {
      ctx.logger.warn({ err: e }, 'store health check failed');
      ok = false;
    }
    res
      .set('Cache-Control', 'no-store')
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'unavailable' });
  });
  if (!access.token && !access.open) return router;
  const allowed = access.token ? tokenCheck(access.token) : () => true;
  router.get('/metrics', async (req, res) => {
    // A wrong token gets the same 404 as no endpoint: nothing to learn by probing.
    if (!allowed(req)) notFound(req);
    res
      .set('Content-Type', ctx.metrics.registry.contentType)
      .set('Cache-Control', 'no-store')
      .send(await ctx.metrics.registry.metrics());
  });
  return router;
}

function tokenCheck(token: string): (req: Request) => boolean {
  const expected = sha256(token);
  return (req) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    return match?.[1] !== undefined && timingSafeEqual(sha256(match[1]), expected);
  };
}
