import { randomBytes } from 'node:crypto';
import { OUTBOX_EVENT_TYPES, type OutboxStore, type WebhookSubscription } from '@skema/core';
import type { WebhookConfig } from '../config/webhooks-config.js';
import type { Logger } from '../observability/logger.js';

/** A new Standard Webhooks secret: 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Why a subscription's URL or events are refused, or undefined. `https:` only outside development. */
export function subscriptionProblem(
  input: { url: string; events?: readonly string[] | undefined },
  httpsOnly: boolean,
): { path: string; da: string; en: string } | undefined {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return { path: '/url', da: '/url er ikke en URL.', en: '/url is not a URL.' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !httpsOnly))
    return { path: '/url', da: '/url skal bruge https.', en: '/url must use https.' };
  if (url.username || url.password)
    return {
      path: '/url',
      da: '/url må ikke indeholde brugernavn eller adgangskode.',
      en: '/url must not contain credentials.',
    };
  const known = new Set<string>(['*', ...OUTBOX_EVENT_TYPES]);
  const unknown = input.events?.find((e) => !known.has(e));
  if (unknown !== undefined)
    return {
      path: '/events',
      da: `/events: ukendt hændelse ${unknown}.`,
      en: `/events: unknown event type ${unknown}.`,
    };
  return undefined;
}

/**
 * Writes the subscriptions kept in `SKEMA_CONFIG` to the store at start, so they fan out like the
 * others. A subscription the receiver disabled (410) stays disabled until its URL changes.
 */
export async function applyConfiguredWebhooks(
  store: OutboxStore,
  tenants: ReadonlyArray<{ id: string; webhooks?: WebhookConfig[] }>,
  now: Date,
  logger: Logger,
): Promise<void> {
  const at = now.toISOString();
  for (const tenant of tenants) {
    if (!tenant.webhooks?.length) continue;
    const existing = new Map((await store.listSubscriptions(tenant.id)).map((s) => [s.id, s]));
    for (const w of tenant.webhooks) {
      const before = existing.get(w.id);
      const keepDisabled = before && !before.enabled && before.url === w.url;
      const subscription: WebhookSubscription = {
        id: w.id,
        tenantId: tenant.id,
        url: w.url,
        events: w.events ?? ['*'],
        secret: w.secret,
        archive: w.archive === true,
        ...(w.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
        enabled: !keepDisabled,
        ...(keepDisabled && before.disabledReason ? { disabledReason: before.disabledReason } : {}),
        source: 'config',
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
      };
      await store.saveSubscription(subscription);
    }
    logger.info(
      { tenant: tenant.id, webhooks: tenant.webhooks.map((w) => w.id) },
      'webhook subscriptions from the configuration applied',
    );
  }
}

/** A subscription as the admin API shows it: never its secret. */
export function subscriptionView(s: WebhookSubscription): Omit<WebhookSubscription, 'secret'> {
  const { secret: _secret, ...rest } = s;
  return rest;
}
