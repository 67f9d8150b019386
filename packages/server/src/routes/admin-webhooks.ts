import { Router, type Request } from 'express';
import type { DeliveryFilter, OutboxEventType, OutboxStore, WebhookSubscription } from '@skema/core';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf } from '../auth/principal.js';
import { requireRole } from '../auth/roles.js';
import { API_BASE } from '../context.js';
import { HttpProblem } from '../http/problem.js';
import { rethrowBadCursor } from '../http/query.js';
import { newWebhookSecret, subscriptionProblem, subscriptionView } from '../webhooks/subscriptions.js';

export interface AdminWebhooksOptions {
  outbox: OutboxStore | undefined;
  /** Refuse `http:` URLs (outside development). */
  httpsOnly: boolean;
  now: () => Date;
  /** A replayed delivery goes out at once. */
  wake?: () => void;
}

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const STATUSES = new Set(['pending', 'delivered', 'failed']);

function invalid(path: string, da: string, en: string): HttpProblem {
  return new HttpProblem('invalid-request', { da, en }, { issues: [{ path, code: 'invalid', message: en }] });
}

function deliveryFilter(req: Request): DeliveryFilter {
  const { status, submissionId, cursor, limit } = req.query;
  const filter: DeliveryFilter = {};
  if (status !== undefined) {
    if (typeof status !== 'string' || !STATUSES.has(status))
      throw invalid(
        '/status',
        'status skal være pending, delivered eller failed.',
        'status must be pending, delivered or failed.',
      );
    filter.status = status as DeliveryFilter['status'] & string;
  }
  if (typeof submissionId === 'string') filter.submissionId = submissionId;
  if (typeof cursor === 'string') filter.cursor = cursor;
  if (typeof limit === 'string') {
    if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 100)
      throw invalid('/limit', 'limit skal være 1–100.', 'limit must be 1–100.');
    filter.limit = Number(limit);
  }
  return filter;
}

/**
 * Webhook subscriptions and their deliveries (role admin, the key's tenant only): list, create or
 * replace, delete subscriptions; list deliveries (`?status=failed`) and replay one.
 */
export function adminWebhooksRouter(options: AdminWebhooksOptions): Router {
  const router = Router();
  const guard = [requireAuth, requireRole(['admin'])];
  const outbox = (): OutboxStore => {
    if (!options.outbox)
      throw new HttpProblem('not-implemented', { da: 'Lageret har ingen udbakke.', en: 'The store keeps no outbox.' });
    return options.outbox;
  };

  router.get(`${API_BASE}/admin/webhooks`, ...guard, async (_req, res) => {
    const items = (await outbox().listSubscriptions(principalOf(res).tenantId)).map(subscriptionView);
    res.set('Cache-Control', 'private, no-cache').json({ items });
  });

  router.put(`${API_BASE}/admin/webhooks/:id`, ...guard, async (req, res) => {
    const { tenantId } = principalOf(res);
    const id = String(req.params.id);
    if (!ID.test(id)) throw invalid('/id', 'Ugyldigt id.', 'Invalid id.');
    const body = (req.body ?? {}) as {
      url?: unknown;
      events?: unknown;
      secret?: unknown;
      archive?: unknown;
      allowPrivateNetwork?: unknown;
      enabled?: unknown;
    };
    if (typeof body.url !== 'string') throw invalid('/url', '/url mangler.', '/url is required.');
    if (body.events !== undefined && (!Array.isArray(body.events) || body.events.some((e) => typeof e !== 'string')))
      throw invalid('/events', '/events skal være en liste af hændelser.', '/events must be a list of event types.');
    if (
      body.secret !== undefined &&
      (typeof body.secret !== 'string' || !/^whsec_[A-Za-z0-9+/=]{32,}$/.test(body.secret))
    )
      throw invalid('/secret', '/secret skal være whsec_<base64>.', '/secret must be whsec_<base64>.');
    const events = (body.events as string[] | undefined) ?? ['*'];
    const problem = subscriptionProblem({ url: body.url, events }, options.httpsOnly);
    if (problem) throw invalid(problem.path, problem.da, problem.en);
    const existing = (await outbox().listSubscriptions(tenantId)).find((s) => s.id === id);
    if (existing?.source === 'config')
      throw new HttpProblem('version-immutable', {
        da: 'Abonnementet ligger i konfigurationsfilen.',
        en: 'This subscription is kept in the configuration file.',
      });
    const at = options.now().toISOString();
    const secret = body.secret ?? existing?.secret ?? newWebhookSecret();
    const subscription: WebhookSubscription = {
      id,
      tenantId,
      url: body.url,
      events: events as Array<OutboxEventType | '*'>,
      secret,
      archive: body.archive === true,
      ...(body.allowPrivateNetwork === true ? { allowPrivateNetwork: true } : {}),
      enabled: body.enabled !== false,
      source: 'api',
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    const saved = await outbox().saveSubscription(subscription);
    // The secret is shown once, when it is made here; afterwards only its owner knows it.
    res
      .status(existing ? 200 : 201)
      .json({ ...subscriptionView(saved), ...(body.secret === undefined && !existing ? { secret } : {}) });
  });

  router.delete(`${API_BASE}/admin/webhooks/:id`, ...guard, async (req, res) => {
    const deleted = await outbox().deleteSubscription(principalOf(res).tenantId, String(req.params.id));
    if (!deleted) throw new HttpProblem('not-found');
    res.status(204).end();
  });

  router.get(`${API_BASE}/admin/deliveries`, ...guard, async (req, res) => {
    const filter = deliveryFilter(req);
    const page = await outbox()
      .listDeliveries(principalOf(res).tenantId, filter)
      .catch(rethrowBadCursor(filter.cursor));
    res.set('Cache-Control', 'private, no-cache').json(page);
  });

  router.post(`${API_BASE}/admin/deliveries/:id/retry`, ...guard, async (req, res) => {
    const delivery = await outbox().retryDelivery(
      principalOf(res).tenantId,
      String(req.params.id),
      options.now().toISOString(),
    );
    if (!delivery) throw new HttpProblem('not-found');
    options.wake?.();
    res.status(202).json(delivery);
  });
  return router;
}
