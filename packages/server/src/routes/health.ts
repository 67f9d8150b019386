import { Router } from 'express';
import type { AppContext } from '../context.js';

/** Liveness, readiness (the store answers) and Prometheus metrics; outside /api/v1 and without keys. */
export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    let health;
    try {
      health = await ctx.store.health();
    } catch (e) {
      health = { ok: false, store: ctx.store.name, details: { error: (e as Error).name } };
    }
    res.set('Cache-Control', 'no-store').status(health.ok ? 200 : 503).json({ status: health.ok ? 'ok' : 'unavailable', store: health });
  });
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', ctx.metrics.registry.contentType).set('Cache-Control', 'no-store').send(await ctx.metrics.registry.metrics());
  });
  return router;
}
