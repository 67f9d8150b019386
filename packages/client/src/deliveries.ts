import type { Delivery, DeliveryStatus, WebhookSubscription } from '@skema/core';
import type { Transport } from './transport.js';

/** A subscription as the API shows it: never its secret. */
export type WebhookSubscriptionView = Omit<WebhookSubscription, 'secret'>;
export type { Delivery, DeliveryStatus };

export interface DeliveryListFilter {
  /** `failed` for the deliveries that gave up (the failed-jobs list), `pending` for those still trying. */
  status?: DeliveryStatus;
  submissionId?: string;
  limit?: number;
  cursor?: string;
}

export interface DeliveryPage {
  items: Delivery[];
  nextCursor?: string;
}

/**
 * The tenant's webhook subscriptions and the deliveries of its events (`/admin/webhooks`,
 * `/admin/deliveries`; a token with role `admin`, the tenant is the token's).
 */
export class SkemaDeliveriesClient {
  private readonly transport: Transport;

  /** Over a `SkemaClient` (its token, language, timeouts and retries): `new SkemaDeliveriesClient(client)`. */
  constructor(client: { transport: Transport }) {
    this.transport = client.transport;
  }

  /** The subscriptions, from the configuration file and the admin API, without secrets. */
  async listWebhooks(signal?: AbortSignal): Promise<WebhookSubscriptionView[]> {
    return (
      await this.transport.call<{ items: WebhookSubscriptionView[] }>(
        'GET',
        '/admin/webhooks',
        signal ? { signal } : {},
      )
    ).body.items;
  }

  /** Deliveries, newest first; `{ status: 'failed' }` for those that gave up. */
  async listDeliveries(filter: DeliveryListFilter = {}, signal?: AbortSignal): Promise<DeliveryPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter))
      if (value !== undefined && value !== '') params.set(key, String(value));
    const qs = params.toString();
    return (
      await this.transport.call<DeliveryPage>('GET', `/admin/deliveries${qs ? `?${qs}` : ''}`, signal ? { signal } : {})
    ).body;
  }

  /** Replays a delivery: pending and due now, sent again at once (with the same event id). */
  async retryDelivery(id: string, signal?: AbortSignal): Promise<Delivery> {
    return (
      await this.transport.call<Delivery>(
        'POST',
        `/admin/deliveries/${encodeURIComponent(id)}/retry`,
        signal ? { signal } : {},
      )
    ).body;
  }
}
