import { isOutboxStore, type OutboxStore, type SkemaEngine, type SubmissionStore } from '@skema/core';
import {
  applyConfiguredWebhooks,
  ConfigError,
  runDeadlineScan,
  WebhookDispatcher,
  type AppContext,
  type createLogger,
  type RetryPolicy,
  type TenantConfig,
} from '@skema/server';

export interface Webhooks {
  outbox: OutboxStore | undefined;
  dispatcher: WebhookDispatcher | undefined;
  httpsOnly: boolean;
}

function msFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new ConfigError(`${name} must be a whole number of milliseconds, got ${raw}.`);
  return value;
}

/** WEBHOOK_THREAD_NICE: 0–19, how far below the API's priority the sender thread runs (default 10). */
function niceFrom(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.WEBHOOK_THREAD_NICE;
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 19)
    throw new ConfigError(`WEBHOOK_THREAD_NICE must be a whole number from 0 to 19, got ${raw}.`);
  return value;
}

/**
 * The outbox's dispatcher (issue #15): subscriptions from SKEMA_CONFIG applied to the store, then
 * deliveries sent until shutdown. WEBHOOKS=off leaves sending to another process (PostgreSQL:
 * any instance may send; the embedded store has one process). PUBLIC_URL is the origin links in
 * payloads point to; WEBHOOK_RETRY_BASE_MS, WEBHOOK_RETRY_MAX_DELAY_MS, WEBHOOK_RETRY_MAX_AGE_MS,
 * WEBHOOK_TIMEOUT_MS and WEBHOOK_POLL_MS tune it (tests shorten the three days of retries).
 * Webhooks are signed and sent from a worker thread (WEBHOOK_THREAD=off: on the main thread) that
 * runs WEBHOOK_THREAD_NICE (default 10) below the API's priority, so a stream of deliveries slows the
 * API's own requests less.
 */
export async function startWebhooks(
  store: SubmissionStore,
  tenants: readonly TenantConfig[],
  env: NodeJS.ProcessEnv,
  development: boolean,
  logger: ReturnType<typeof createLogger>,
): Promise<Webhooks> {
  const httpsOnly = !development;
  if (!isOutboxStore(store)) return { outbox: undefined, dispatcher: undefined, httpsOnly };
  for (const tenant of tenants) {
    for (const w of tenant.webhooks ?? []) {
      if (httpsOnly && !w.url.startsWith('https:'))
        throw new ConfigError(`tenant ${tenant.id}: webhook ${w.id} must use https (only development allows http).`);
    }
  }
  await applyConfiguredWebhooks(store, tenants, new Date(), logger);
  if (env.WEBHOOKS === 'off') return { outbox: store, dispatcher: undefined, httpsOnly };
  const retry: Partial<RetryPolicy> = {};
  const base = msFrom(env, 'WEBHOOK_RETRY_BASE_MS');
  const maxDelay = msFrom(env, 'WEBHOOK_RETRY_MAX_DELAY_MS');
  const maxAge = msFrom(env, 'WEBHOOK_RETRY_MAX_AGE_MS');
  if (base) retry.baseMs = base;
  if (maxDelay) retry.maxDelayMs = maxDelay;
  if (maxAge) retry.maxAgeMs = maxAge;
  const timeoutMs = msFrom(env, 'WEBHOOK_TIMEOUT_MS');
  const pollMs = msFrom(env, 'WEBHOOK_POLL_MS');
  const threadNice = niceFrom(env);
  const dispatcher = new WebhookDispatcher({
    store,
    publicUrl:
      env.PUBLIC_URL ?? `http://${!env.HOST || env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT ?? 3000}`,
    logger,
    retry,
    httpsOnly,
    thread: env.WEBHOOK_THREAD !== 'off',
    ...(threadNice !== undefined ? { threadNice } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(pollMs ? { pollMs } : {}),
  }).start();
  // The sender thread loads before the API listens, so the first webhooks do not wait for it.
  await dispatcher.ready();
  return { outbox: store, dispatcher, httpsOnly };
}

/**
 * `deadline.due` every DEADLINE_INTERVAL_MS (default an hour; 0 turns it off): the app's own
 * form view and validation, so tenants' published configuration applies. Returns its stop.
 */
export function startDeadlineJob(
  context: AppContext,
  store: SubmissionStore,
  engine: SkemaEngine,
  tenants: readonly TenantConfig[],
  env: NodeJS.ProcessEnv,
  logger: ReturnType<typeof createLogger>,
): () => Promise<void> {
  const interval = env.DEADLINE_INTERVAL_MS === undefined ? 3_600_000 : Number(env.DEADLINE_INTERVAL_MS);
  if (!isOutboxStore(store) || !Number.isInteger(interval) || interval <= 0) return async () => undefined;
  const outboxStore = store;
  const abort = new AbortController();
  const actors = tenants.map((t) => ({
    tenantId: t.id,
    id: 'deadline-job',
    roles: [],
    ruleOptions: t.ruleOptions ?? {},
    ...(t.calendar ? { calendarOptions: t.calendar, calendar: engine.calendarFor(t.calendar) } : {}),
  }));
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = runDeadlineScan({
      store: outboxStore,
      forms: () => context.forms,
      validator: context.validation,
      tenants: actors,
      now: () => new Date(),
      logger,
      signal: abort.signal,
    })
      .then((n) => n > 0 && logger.info({ events: n }, 'deadline.due events stored'))
      .catch((e: unknown) => logger.error({ err: e }, 'deadline scan failed'));
  }, interval);
  timer.unref();
  return async () => {
    clearInterval(timer);
    abort.abort();
    await running;
  };
}
