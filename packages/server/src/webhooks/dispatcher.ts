import type { ClaimedDelivery, DeliveryOutcome, OutboxStore } from '@skema/core';
import type { Logger } from '../observability/logger.js';
import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterMs, type RetryPolicy } from './backoff.js';
import { webhookBody } from './payload.js';
import { sendWebhook, type SendResult } from './send.js';

export interface DispatcherOptions {
  store: OutboxStore;
  /** The API's public origin, for the links in payloads (e.g. `https://skema.kommune.dk`). */
  publicUrl: string;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  /** Per attempt (default 15 s). */
  timeoutMs?: number;
  /** Deliveries in flight at once (default 16). */
  concurrency?: number;
  /** How often to look for due deliveries when idle (default 250 ms); `wake()` looks at once. */
  pollMs?: number;
  /** Only `https:` URLs (outside development). */
  httpsOnly?: boolean;
  /** Allow private addresses for every subscription (tests, development). */
  allowPrivateNetwork?: boolean;
  now?: () => Date;
}

/**
 * Sends due deliveries: claims them from the store (a lease, so several instances on one
 * PostgreSQL never send one twice at once), POSTs each signed, and records the outcome: 2xx
 * delivered; 410 failed and the subscription disabled; anything else retried with backoff
 * (at least `Retry-After`) until the event is `maxAgeMs` old, then failed (replayable).
 */
export class WebhookDispatcher {
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly now: () => Date;
  private readonly inflight = new Set<Promise<void>>();
  private stopped = true;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;

  constructor(private readonly options: DispatcherOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.concurrency = options.concurrency ?? 16;
    this.pollMs = options.pollMs ?? 250;
    // Longer than an attempt can take (the timeout bounds it), so a lease never runs out under a
    // running attempt; short enough that deliveries a killed instance held go out soon after.
    this.leaseMs = this.timeoutMs * 2;
    this.now = options.now ?? (() => new Date());
  }

  start(): this {
    if (!this.stopped) return this;
    this.stopped = false;
    this.loop = this.run();
    return this;
  }

  /** Look for due deliveries now (after a write that stored events). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inflight]);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const free = this.concurrency - this.inflight.size;
      let claimed: ClaimedDelivery[] = [];
      if (free > 0) {
        this.woken = false;
        try {
          claimed = await this.options.store.claimDeliveries(this.now().toISOString(), free, this.leaseMs);
        } catch (e) {
          this.options.logger.error({ err: e }, 'webhooks: claiming deliveries failed');
        }
      }
      for (const c of claimed) {
        const sending: Promise<void> = this.attempt(c).finally(() => {
          this.inflight.delete(sending);
          this.wake();
        });
        this.inflight.add(sending);
      }
      if (claimed.length === 0 || claimed.length < free || free === 0) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.woken) {
      // Woken meanwhile: look again, but through the event loop. With every slot busy the loop
      // would otherwise spin on resolved promises and starve the sends it waits for.
      this.woken = false;
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }

  private async attempt(c: ClaimedDelivery): Promise<void> {
    const started = this.now();
    let result: SendResult;
    if (this.options.httpsOnly && !c.subscription.url.startsWith('https:')) {
      result = { error: 'only https URLs are allowed' };
    } else {
      const body = webhookBody(c.event, this.options.publicUrl);
      result = await sendWebhook(c.subscription.url, { id: c.event.id, body, secret: c.subscription.secret }, {
        allowPrivate: this.options.allowPrivateNetwork === true || c.subscription.allowPrivateNetwork === true,
        timeoutMs: this.timeoutMs,
        now: started,
      });
    }
    const outcome = this.outcomeOf(c, result);
    try {
      const recorded = await this.options.store.completeDelivery(c.delivery.id, c.claimToken, outcome);
      if (!recorded) this.options.logger.warn({ delivery: c.delivery.id }, 'webhooks: the claim ran out before the outcome was recorded');
    } catch (e) {
      this.options.logger.error({ err: e, delivery: c.delivery.id }, 'webhooks: recording a delivery failed (it will be sent again)');
    }
    if (outcome.status !== 'delivered') {
      const level = outcome.status === 'failed' ? 'warn' : 'info';
      this.options.logger[level]({ delivery: c.delivery.id, subscription: c.subscription.id, tenant: c.delivery.tenantId, status: result.status, error: result.error, next: outcome.nextAttemptAt }, `webhook delivery ${outcome.status}`);
    }
  }

  private outcomeOf(c: ClaimedDelivery, result: SendResult): DeliveryOutcome {
    const now = this.now();
    const at = now.toISOString();
    const base = { at, ...(result.status ? { statusCode: result.status } : {}) };
    if (result.status !== undefined && result.status >= 200 && result.status < 300) return { status: 'delivered', ...base };
    const error = result.error ?? `HTTP ${result.status}`;
    if (result.status === 410) return { status: 'failed', ...base, error, disableSubscription: 'The receiver answered 410 Gone' };
    if (result.error?.includes('private address') || result.error === 'only https URLs are allowed') return { status: 'failed', ...base, error };
    const attempts = c.delivery.attempts + 1;
    const wait = Math.max(backoffMs(this.retry, attempts), retryAfterMs(result.retryAfter, now) ?? 0);
    const next = new Date(now.getTime() + wait);
    if (next.getTime() - Date.parse(c.delivery.createdAt) > this.retry.maxAgeMs) return { status: 'failed', ...base, error };
    return { status: 'pending', ...base, error, nextAttemptAt: next.toISOString() };
  }
}
