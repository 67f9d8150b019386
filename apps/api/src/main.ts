import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlobStore, CaseStore, SubmissionStore } from '@skema/core';
import { createStandardEngine, loadStandardRegistry, loadTenantForms } from '@skema/forms';
import { startDevIdp, type DevIdp } from '@skema/idp';
import { examplePortalBackend } from '@skema/server/testing';
import {
  ConfigError,
  createApp,
  type AppContext,
  createLogger,
  DEV_KEYS,
  DEV_OIDC,
  isFormConfigStore,
  loadServerConfig,
  Metrics,
  startRetentionJob,
  type RetentionJob,
} from '@skema/server';
import { createFileBlobStore, createLowdbStore } from '@skema/store-lowdb';
import { createPostgresStore, PostgresBlobStore } from '@skema/store-postgres';

import { startDeadlineJob, startWebhooks } from './webhooks.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * DATABASE_URL selects PostgreSQL; otherwise submissions persist as files under DATA_DIR.
 * SKEMA_ACCEPT_AUDIT_GAP=1 lets the embedded store write again after an operator accepted that
 * audit entries are lost (recorded in the log; see packages/store-lowdb/README.md).
 */
function chooseStore(env: NodeJS.ProcessEnv): {
  store: SubmissionStore & CaseStore;
  blobs: () => Promise<BlobStore>;
  where: string;
  startupReport: () => StoreStartupReport | undefined;
} {
  if (env.DATABASE_URL) {
    // DATABASE_SCHEMA: another schema than `skema` (tests run several databases' worth in one).
    const store = createPostgresStore({
      connectionString: env.DATABASE_URL,
      ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}),
    });
    // Attachments in the same database (their own tables), after the store's pool is open.
    const blobs = async (): Promise<BlobStore> => {
      const pgBlobs = new PostgresBlobStore(store.pool, store.schema);
      await pgBlobs.migrate();
      return pgBlobs;
    };
    return { store, blobs, where: 'postgres', startupReport: () => store.startupReport };
  }
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const store = createLowdbStore({ dataDir, acceptAuditGap: env.SKEMA_ACCEPT_AUDIT_GAP === '1' });
  // Attachments as files under DATA_DIR/blobs, fsynced.
  return {
    store,
    blobs: async () => createFileBlobStore(dataDir),
    where: dataDir,
    startupReport: () => store.startupReport,
  };
}

/** What both stores report about their start: the audit chain's state, plus store-specific facts. */
interface StoreStartupReport {
  audit: string;
  auditGap?: { message: string };
}

/** The start-up report goes to the log; an audit log the store cannot vouch for is an error an operator must see. */
function logStartup(
  logger: ReturnType<typeof createLogger>,
  store: SubmissionStore,
  report: StoreStartupReport | undefined,
): void {
  if (!report) return;
  if (report.audit === 'read-only') {
    logger.error(
      { store: store.name, startup: report },
      `the audit log is incomplete, so the store refuses every write: ${report.auditGap?.message ?? ''}`,
    );
  } else if (report.audit === 'gap-accepted') {
    logger.warn(
      { store: store.name, startup: report },
      'store opened after an accepted audit gap (recorded in the audit log)',
    );
  } else {
    logger.info({ store: store.name, startup: report }, 'store opened');
  }
}

const DAY_MS = 86_400_000;

/** RETENTION_INTERVAL_MS: milliseconds between retention runs; default a day, `0` turns the job off. */
function retentionInterval(env: NodeJS.ProcessEnv): number {
  const raw = env.RETENTION_INTERVAL_MS;
  const value = raw === undefined || raw === '' ? DAY_MS : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
    throw new ConfigError(
      `RETENTION_INTERVAL_MS must be 0 (off) or a whole number of milliseconds up to 2147483647, got ${raw}.`,
    );
  }
  return value;
}

/**
 * Development: the OpenID Provider of apps/idp on IDP_PORT (default 3001), in this process, so
 * `npm start` alone signs the demo users in. Not started when SKEMA_DEV_IDP names another provider
 * or is `off`.
 */
async function startDevelopmentIdp(
  env: NodeJS.ProcessEnv,
  logger: ReturnType<typeof createLogger>,
): Promise<DevIdp | undefined> {
  if (env.SKEMA_DEV_IDP) return undefined;
  const port = Number(env.IDP_PORT ?? DEV_OIDC.port);
  const portal = Number(env.PORT ?? 3000);
  try {
    const idp = await startDevIdp({
      port,
      host: env.HOST ?? '0.0.0.0',
      publicUrl: (p) => `http://localhost:${p}`,
      redirectUris: [`http://localhost:${portal}/`, `http://127.0.0.1:${portal}/`],
    });
    logger.info(
      { issuers: [idp.issuer('demo'), idp.issuer('demo2')] },
      'development OpenID Provider listening (demo users, never in production)',
    );
    return idp;
  } catch (e) {
    // The API still starts: the development keys work without the provider.
    logger.error(
      { err: e, port },
      'the development OpenID Provider cannot start; sign-in is unavailable (IDP_PORT sets its port)',
    );
    return undefined;
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const logger = createLogger({ level: env.LOG_LEVEL ?? 'info' });
  const engine = createStandardEngine();
  const registry = loadStandardRegistry();

  let loaded;
  let retentionIntervalMs;
  try {
    loaded = loadServerConfig(env, engine);
    retentionIntervalMs = retentionInterval(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Skema API refuses to start: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  let idp: DevIdp | undefined;
  if (loaded.source === 'development') {
    logger.warn(
      { tenants: loaded.config.tenants.map((t) => t.id) },
      'no SKEMA_CONFIG: using the documented development keys (never in production)',
    );
    idp = await startDevelopmentIdp(env, logger);
  }
  // Said once at start, so a portal that cannot reach the API can be checked against the log.
  if (loaded.config.corsOrigins?.length)
    logger.info({ corsOrigins: loaded.config.corsOrigins }, 'pages on these origins may call the API (CORS)');

  // Compile every form now, so the first request does not pay for it (and a broken form shows at start).
  for (const id of registry.ids()) {
    for (const form of registry.versions(id)) {
      try {
        engine.compile(form);
      } catch (e) {
        logger.warn({ form: `${id}@${form.manifest.version}`, err: e }, 'form cannot be compiled');
      }
    }
  }

  const { store, blobs, where, startupReport } = chooseStore(env);
  await store.init();
  const blobStore = await blobs();
  logStartup(logger, store, startupReport());
  // One store object keeps submissions and tenants' published form configuration.
  const formConfigStore = isFormConfigStore(store) ? store : undefined;
  if (!formConfigStore)
    logger.warn({ store: store.name }, 'the store keeps no form configuration: /admin/form-configs answers 501');

  // The outbox's subscriptions and dispatcher (webhooks, issue #15).
  let webhooks;
  try {
    webhooks = await startWebhooks(store, loaded.config.tenants, env, loaded.source === 'development', logger);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Skema API refuses to start: ${e.message}\n`);
      await store.close();
      process.exit(1);
    }
    throw e;
  }
  const dispatcher = webhooks.dispatcher;

  const app = createApp({
    engine,
    registry,
    tenantForms: loadTenantForms(registry, engine),
    store,
    ...(formConfigStore ? { formConfigStore } : {}),
    // Both stores keep cases beside submissions, in the same audit log.
    caseStore: store,
    blobStore,
    webhooks: {
      outbox: webhooks.outbox,
      httpsOnly: webhooks.httpsOnly,
      ...(dispatcher ? { onWrite: () => dispatcher.wake() } : {}),
    },
    // Other instances' publications are picked up within this interval.
    formConfigRefreshMs: Number(env.FORM_CONFIG_REFRESH_MS ?? 30_000),
    // Tenants' own forms and API-published overlays validate in worker threads with this deadline.
    ...(env.VALIDATION_DEADLINE_MS ? { validation: { deadlineMs: Number(env.VALIDATION_DEADLINE_MS) } } : {}),
    config: loaded.config,
    logger,
    metrics: new Metrics({ defaultMetrics: true }),
    staticDirs: {
      '/': resolve(here, '../../demo/dist'),
      '/embed': resolve(here, '../../../packages/embed/dist'),
    },
    ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY } : {}),
  });

  // deadline.due events for derived deadlines that are near or overdue (once per deadline).
  const stopDeadlines = startDeadlineJob(
    app.locals.context as AppContext,
    store,
    engine,
    loaded.config.tenants,
    env,
    logger,
  );

  // Deletes closed submissions whose retention period has run out (tenants with `retention` only).
  let retention: RetentionJob | undefined;
  if (retentionIntervalMs > 0) {
    retention = startRetentionJob({
      store,
      blobs: blobStore,
      ...(webhooks.outbox ? { outbox: webhooks.outbox } : {}),
      tenants: loaded.config.tenants,
      logger,
      intervalMs: retentionIntervalMs,
    });
    const withPolicy = loaded.config.tenants.filter((t) => t.retention).map((t) => t.id);
    logger.info({ intervalMs: retentionIntervalMs, tenants: withPolicy }, 'retention job scheduled');
  } else {
    logger.warn('RETENTION_INTERVAL_MS=0: the retention job is off; expired submissions are not deleted');
  }

  // Tenants can publish forms that validate in worker threads: load their engines before taking
  // requests, so the first such request neither waits for one nor competes with its start-up.
  if (formConfigStore) await (app.locals.context as AppContext).validation.warm();

  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '0.0.0.0';
  // Listening is announced on `listening` only; a port that is taken (or any other listen error)
  // ends the process with a non-zero code and a clear message, instead of exiting 0 as if it ran.
  // Development: /plain.html's "portal backend", which opens embed sessions with the demo key so the page holds none.
  const portal =
    loaded.source === 'development'
      ? examplePortalBackend({ apiUrl: () => `http://127.0.0.1:${port}`, key: DEV_KEYS.demo })
      : undefined;
  const server = createServer((req, res) => void (portal?.(req, res) || app(req, res)));
  server.once('error', (e: NodeJS.ErrnoException) => {
    const reason =
      e.code === 'EADDRINUSE'
        ? `port ${port} on ${host} is already in use`
        : e.code === 'EACCES'
          ? `no permission to listen on port ${port}`
          : e.message;
    logger.fatal({ port, host, code: e.code }, `Skema API cannot listen: ${reason}`);
    process.stderr.write(`Skema API cannot listen: ${reason}\n`);
    void Promise.all([retention?.stop(), dispatcher?.stop(), stopDeadlines()])
      .then(() => idp?.close())
      .then(() => store.close())
      .finally(() => process.exit(1));
  });
  server.once('listening', () => {
    logger.info({ port, host, store: store.name, where, forms: registry.ids().length }, 'Skema API listening');
  });
  server.listen(port, host);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop taking requests, let running ones finish, then close the store (flushes and releases its lock).
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    // A retention run under way stops at its next submission; the store closes after it.
    const retentionStopped = Promise.all([retention?.stop(), dispatcher?.stop(), stopDeadlines()]);
    server.close(() => {
      retentionStopped
        .then(() => idp?.close())
        .then(() => store.close())
        .then(() => process.exit(0))
        .catch((e: unknown) => {
          logger.error({ err: e }, 'closing the store failed');
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`Skema API failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
