import type { ClaimedDelivery, DeliveryOutcome, OutboxStore } from '@skema/core';
import type { Logger } from '../observability/logger.js';
import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterMs, type RetryPolicy } from './backoff.js';
import { webhookBody } from './payload.js';
import { sendWebhook, type SendResult } from './send.js';
import { SenderThread, type WebhookSender } from './send-thread.js';

interface Finished {
  claimed: ClaimedDelivery;
  outcome: DeliveryOutcome;
  result: SendResult;
  done: () => void;
}

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
  /**
   * Sign and POST in a worker thread (`SenderThread`), so the API's event loop keeps only claims and
   * outcome writes (apps/api does, unless WEBHOOK_THREAD=off). Default false: in this thread.
   */
  thread?: boolean;
  /**
   * With `thread`: the niceness the sender thread adds to itself on Linux (default 10), so under
   * load the API's requests get the cores first and deliveries what is left; 0 keeps the API's.
   */
  threadNice?: number;
  /** How to send (tests); overrides `thread`. */
  send?: WebhookSender;
  /**
   * After `wake()`, claim no sooner than this long after the last claim started (default 20 ms), so
   * the events of writes that arrive together are claimed with one store call instead of one each.
   */
  lingerMs?: number;
  now?: () => Date;
}

/**
 * Sends due deliveries: claims them from the store (a lease, so several instances on one
 * PostgreSQL never send one twice at once), POSTs each signed, and records the outcome: 2xx
 * delivered; 410 failed and the subscription disabled; anything else retried with backoff
 * (at least `Retry-After`) until the event is `maxAgeMs` old, then failed (replayable).
 * Outcomes that finish together are recorded with one store write (`completeDeliveries`); a slot
 * frees when its outcome is recorded, so a submission's next event waits for the one before.
 */
export class WebhookDispatcher {
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly now: () => Date;
  private readonly lingerMs: number;
  private readonly inflight = new Set<Promise<void>>();
  private finished: Finished[] = [];
  /** Outcomes queued or being recorded. */
  private readonly unrecorded = new Set<Promise<void>>();
  private lastClaimAt = 0;
  private recording: Promise<void> | undefined;
  private sender: { send: WebhookSender; ready?: () => Promise<void>; close?: () => Promise<void> } | undefined;
  private stopped = true;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private lingering: NodeJS.Timeout | undefined;
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
    this.lingerMs = options.lingerMs ?? 20;
  }

  start(): this {
    if (!this.stopped) return this;
    this.stopped = false;
    if (this.options.send) this.sender = { send: this.options.send };
    else if (this.options.thread) {
      const thread = new SenderThread(this.options.threadNice ?? 10).warm();
      this.sender = { send: thread.send, ready: () => thread.ready(), close: () => thread.close() };
    } else this.sender = { send: sendWebhook };
    this.loop = this.run();
    return this;
  }

  /** Settles when the sender thread (if any) has loaded: `apps/api` waits for it before it listens. */
  async ready(): Promise<void> {
    await this.sender?.ready?.();
  }

  /** Look for due deliveries soon (after a write that stored events): within `lingerMs`. */
  wake(): void {
    this.woken = true;
    if (!this.wakeUp || this.lingering) return;
    const linger = this.lingerLeft();
    if (linger <= 0 || this.stopped) return this.wakeUp();
    this.lingering = setTimeout(() => {
      this.lingering = undefined;
      this.wakeUp?.();
    }, linger);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.lingering);
    this.lingering = undefined;
    this.wakeUp?.();
    await this.loop;
    await Promise.allSettled([...this.inflight]);
    await Promise.allSettled([...this.unrecorded]);
    await this.sender?.close?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const free = this.concurrency - this.inflight.size;
      let claimed: ClaimedDelivery[] = [];
      if (free > 0) {
        this.woken = false;
        this.lastClaimAt = performance.now();
        try {
          claimed = await this.options.store.claimDeliveries(this.now().toISOString(), free, this.leaseMs);
        } catch (e) {
          this.options.logger.error({ err: e }, 'webhooks: claiming deliveries failed');
        }
      }
      for (const c of claimed) {
        const sending: Promise<void> = this.attempt(c).finally(() => {
          this.inflight.delete(sending);
          // A slot is free: look again (more may be due already), after the linger like any wake.
          this.wake();
        });
        this.inflight.add(sending);
      }
      if (claimed.length === 0 || claimed.length < free || free === 0) await this.sleep();
    }
  }

  /**
   * What is left of the linger: `lingerMs` from the start of the last claim. A claim that took
   * longer (a busy database) has batched the writes that came meanwhile already.
   */
  private lingerLeft(): number {
    return Math.max(0, this.lingerMs - (performance.now() - this.lastClaimAt));
  }

  private sleep(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.woken) {
      // Woken meanwhile: look again, but through the event loop (with every slot busy the loop
      // would otherwise spin on resolved promises and starve the sends it waits for), after the
      // linger, so writes and freed slots arriving meanwhile are claimed together.
      this.woken = false;
      const linger = this.lingerLeft();
      return new Promise((resolve) => (linger > 0 ? setTimeout(resolve, linger) : setImmediate(resolve)));
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      this.wakeUp = done;
    });
  }

  /** Sends one delivery; settles when it is sent and its outcome queued for recording. */
  private async attempt(c: ClaimedDelivery): Promise<void> {
    const started = this.now();
    let result: SendResult;
    if (this.options.httpsOnly && !c.subscription.url.startsWith('https:')) {
      result = { error: 'only https URLs are allowed' };
    } else {
      const body = webhookBody(c.event, this.options.publicUrl);
      const send = this.sender?.send ?? sendWebhook;
      result = await send(
        c.subscription.url,
        { id: c.event.id, body, secret: c.subscription.secret },
        {
          allowPrivate: this.options.allowPrivateNetwork === true || c.subscription.allowPrivateNetwork === true,
          timeoutMs: this.timeoutMs,
          now: started,
        },
      );
    }
    const outcome = this.outcomeOf(c, result);
    // The slot frees now; the outcome is recorded with others (`recorded` settles then). The store
    // keeps a submission's next event back until this one is recorded, so order holds.
    const recorded = new Promise<void>((done) => {
      this.finished.push({ claimed: c, outcome, result, done });
      this.recording ??= this.record();
    });
    this.unrecorded.add(recorded);
    void recorded.then(() => this.unrecorded.delete(recorded));
  }

  /** Records every finished attempt so far with one store write, until none are left. */
  private async record(): Promise<void> {
    // Let the attempts that finish in this turn of the loop join the batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.finished.length) {
      const batch = this.finished;
      this.finished = [];
      let recorded: boolean[] = [];
      try {
        recorded = await this.options.store.completeDeliveries(
          batch.map((f) => ({ id: f.claimed.delivery.id, claimToken: f.claimed.claimToken, outcome: f.outcome })),
        );
      } catch (e) {
        this.options.logger.error(
          { err: e, deliveries: batch.length },
          'webhooks: recording deliveries failed (they will be sent again)',
        );
        recorded = batch.map(() => true);
      }
      batch.forEach((f, i) => {
        if (!recorded[i])
          this.options.logger.warn(
            { delivery: f.claimed.delivery.id },
            'webhooks: the claim ran out before the outcome was recorded',
          );
        this.logOutcome(f);
        f.done();
      });
      // Recorded: the next events of these submissions may go now.
      this.wake();
    }
    this.recording = undefined;
  }

  private logOutcome({ claimed: c, outcome, result }: Finished): void {
    if (outcome.status === 'delivered') return;
    const level = outcome.status === 'failed' ? 'warn' : 'info';
    this.options.logger[level](
      {
        delivery: c.delivery.id,
        subscription: c.subscription.id,
        tenant: c.delivery.tenantId,
        status: result.status,
        error: result.error,
        next: outcome.nextAttemptAt,
      },
      `webhook delivery ${outcome.status}`,
    );
  }

  private outcomeOf(c: ClaimedDelivery, result: SendResult): DeliveryOutcome {
    const now = this.now();
    const at = now.toISOString();
    const base = { at, ...(result.status ? { statusCode: result.status } : {}) };
    if (result.status !== undefined && result.status >= 200 && result.status < 300)
      return { status: 'delivered', ...base };
    const error = result.error ?? `HTTP ${result.status}`;
    if (result.status === 410)
      return { status: 'failed', ...base, error, disableSubscription: 'The receiver answered 410 Gone' };
    if (result.error?.includes('private address') || result.error === 'only https URLs are allowed')
      return { status: 'failed', ...base, error };
    const attempts = c.delivery.attempts + 1;
    const wait = Math.max(backoffMs(this.retry, attempts), retryAfterMs(result.retryAfter, now) ?? 0);
    const next = new Date(now.getTime() + wait);
    if (next.getTime() - Date.parse(c.delivery.createdAt) > this.retry.maxAgeMs)
      return { status: 'failed', ...base, error };
    return { status: 'pending', ...base, error, nextAttemptAt: next.toISOString() };
  }
}
