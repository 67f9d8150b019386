import { isEmbedSessionStore, TenantForms, TransitionGuardRegistry, type AttachmentOwner } from '@skema/core';
import {
  Attachments,
  caseListLookup,
  caseTeamAccess,
  Cases,
  Submissions,
  type SubmissionValidator,
} from '@skema/submissions';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { CreateAppOptions } from './app-options.js';
import { KeyRing } from './auth/key-ring.js';
import { identify } from './auth/authenticate.js';
import { embedScope } from './auth/embed-scope.js';
import { EmbedSessions } from './auth/embed-sessions.js';
import { MemoryEmbedSessionStore } from './auth/memory-embed-sessions.js';
import { tenantSettings } from './auth/tenant-settings.js';
import { OidcVerifier } from './auth/oidc-verifier.js';
import { API_BASE, type AppContext } from './context.js';
import { FormConfigService } from './form-config/form-config-service.js';
import { PublishedForms } from './form-config/published-forms.js';
import { apiCors } from './http/cors.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { jsonBody } from './http/json-body.js';
import { AuthFailureLimiter, rateLimiter } from './http/rate-limit.js';
import { DEFAULT_DATA_BUDGET } from './http/data-budget.js';
import { securityHeaders } from './http/security-headers.js';
import { RequestValidator } from './http/request-validator.js';
import { accessLog } from './observability/access-log.js';
import { httpMetrics } from './observability/http-metrics.js';
import { instrumentStore } from './observability/instrumented-store.js';
import { createLogger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { ADMIN_BASE, adminFormConfigsRouter } from './routes/admin-form-configs.js';
import { auditRouter } from './routes/audit.js';
import { formDiffRouter } from './routes/form-diff.js';
import { formsRouter } from './routes/forms.js';
import { healthRouter } from './routes/health.js';
import { casesRouter } from './routes/cases.js';
import { attachmentsRouter } from './routes/attachments.js';
import { worklistRouter } from './routes/worklist.js';
import { openApiRouter } from './routes/openapi.js';
import { rulesRouter } from './routes/rules.js';
import { embedSessionsRouter } from './routes/embed-sessions.js';
import { signInRouter } from './routes/sign-in.js';
import { staticRouter } from './routes/static.js';
import { submissionApprovalsRouter } from './routes/submission-approvals.js';
import { submissionLegalHoldRouter } from './routes/submission-legal-hold.js';
import { submissionMigrateRouter } from './routes/submission-migrate.js';
import { submissionStatusRouter } from './routes/submission-status.js';
import { submissionUpdateRouter } from './routes/submission-update.js';
import { submissionsCreateRouter } from './routes/submissions-create.js';
import { submissionsReadRouter } from './routes/submissions-read.js';
import { validateRouter } from './routes/validate.js';
import { adminWebhooksRouter } from './routes/admin-webhooks.js';
import { submissionDocumentRouter } from './routes/submission-document.js';
import { notifyAfterWrites } from './webhooks/notify.js';
import { STANDARD_ENGINE } from './validation/engine-factory.js';
import { FormValidation, trustedContent } from './validation/form-validation.js';

/** Builds the Skema API as an Express app; `listen()` is the caller's. */
export function createApp(options: CreateAppOptions): Express {
  const metrics = options.metrics ?? new Metrics();
  const logger = options.logger ?? createLogger();
  const forms = options.tenantForms ?? new TenantForms(options.registry, new Map());
  const isolation = options.validation ?? {};
  const instrumented = instrumentStore(options.store, metrics);
  const now = options.now ?? (() => new Date());
  const guards = options.guards ?? TransitionGuardRegistry.fromPlugins(options.engine.plugins);
  // The people on a submission's case team are its need-to-know group.
  const caseAccess = options.caseStore ? { caseAccess: caseTeamAccess(options.caseStore) } : {};
  // The submission list names each submission's case and searches cases by id and title.
  const listCases = options.caseStore ? { listCases: caseListLookup(options.caseStore) } : {};
  // The validation the use cases run is counted like the validate endpoint's.
  const countedValidation: SubmissionValidator = {
    validate: async (form, data, validateOptions) => {
      const result = await ctx.validation.validate(form, data, validateOptions);
      ctx.metrics.countValidation(form.manifest.id, result.valid, ctx.registry.has(form.manifest.id));
      return result;
    },
  };
  const blobs = options.blobStore;
  const attachmentsOf = blobs
    ? { attachmentsOf: (tenantId: string, owner: AttachmentOwner) => blobs.listBlobs(tenantId, owner) }
    : {};
  const ctx: AppContext = {
    engine: options.engine,
    // National forms and git-kept configuration are trusted; anything published through the API is not.
    validation: FormValidation.create(
      options.engine,
      trustedContent(
        options.registry,
        forms,
        options.config.tenants.map((t) => t.id),
      ),
      {
        engine: isolation.engineFactory ?? STANDARD_ENGINE,
        ...(isolation.workers !== undefined ? { size: isolation.workers } : {}),
        ...(isolation.deadlineMs !== undefined ? { deadlineMs: isolation.deadlineMs } : {}),
        ...(isolation.maxOldGenerationSizeMb !== undefined
          ? { maxOldGenerationSizeMb: isolation.maxOldGenerationSizeMb }
          : {}),
      },
    ),
    registry: options.registry,
    forms,
    store: instrumented,
    keys: new KeyRing(options.config.tenants, (calendar) => options.engine.calendarFor(calendar)),
    guards,
    submissions: new Submissions({
      // Each stored change may carry outbox events: the dispatcher is told at once.
      store: options.webhooks?.onWrite ? notifyAfterWrites(instrumented, options.webhooks.onWrite) : instrumented,
      // Read per call: publishing configuration replaces ctx.forms.
      forms: () => ctx.forms,
      registry: options.registry,
      plugins: options.engine.plugins,
      validator: countedValidation,
      guards,
      now,
      // A submission in a case is validated with the case (cross-form rules); read per call.
      ...(options.caseStore
        ? {
            caseContext: (tenantId: string, submissionId: string) =>
              ctx.cases!.contextOfSubmission(tenantId, submissionId),
          }
        : {}),
      // Rules check that a «bilag» references a stored file of the submission or its case.
      ...attachmentsOf,
      ...caseAccess,
      ...listCases,
    }),
    metrics,
    logger,
    validator: RequestValidator.shared(),
    now,
  };
  if (options.caseStore) {
    const caseDeps = {
      ...attachmentsOf,
      store: instrumented,
      forms: () => ctx.forms,
      registry: options.registry,
      plugins: options.engine.plugins,
      validator: countedValidation,
      guards,
      now,
      cases: options.caseStore,
      ...caseAccess,
    };
    ctx.cases = new Cases(caseDeps);
    if (options.blobStore)
      ctx.attachments = new Attachments({
        ...caseDeps,
        blobs: options.blobStore,
        ...(options.attachmentLimits ? { limits: options.attachmentLimits } : {}),
      });
  }

  const calendarFor = (calendar: Parameters<typeof options.engine.calendarFor>[0]) =>
    options.engine.calendarFor(calendar);
  const auth = options.auth ?? {};
  const oidc = new OidcVerifier(options.config.tenants, now, calendarFor, auth);
  // Sessions live in the app's store when it keeps them (shared by instances, kept over restarts).
  const sessionStore =
    options.embedSessionStore ?? (isEmbedSessionStore(options.store) ? options.store : new MemoryEmbedSessionStore());
  const settings = new Map(options.config.tenants.map((t) => [t.id, tenantSettings(t, calendarFor)]));
  const embedSessions = new EmbedSessions(sessionStore, (tenantId) => settings.get(tenantId), now, {
    ...(auth.embedSessionTtlMs !== undefined ? { ttlMs: auth.embedSessionTtlMs } : {}),
  });

  const formConfigs = options.formConfigStore ? startFormConfigs(ctx, options) : undefined;
  const limits = options.config.limits ?? {};
  const bodyLimit = options.bodyLimit ?? limits.bodyBytes ?? '1mb';

  const app = express();
  app.disable('x-powered-by');
  // ETags are set deliberately (content hashes, revisions); Express's automatic weak ETags would blur them.
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy ?? false);
  app.locals.context = ctx;

  app.use(securityHeaders({ connectSrc: signInOrigins(options.config) }));
  app.use(httpMetrics(metrics));
  const log = accessLog(logger);
  if (log) app.use(log);

  // Portals on other origins (the embedded <skema-form>). After the security headers (cors appends
  // Origin to their Vary), before the key check and the rate limit: preflights carry no key and end here.
  const cors = apiCors(options.config.corsOrigins);
  if (cors) app.use(API_BASE, cors);
  app.use(
    API_BASE,
    identify(
      { keys: ctx.keys, oidc, embed: embedSessions },
      new AuthFailureLimiter(options.config.authFailureLimit),
      logger,
    ),
  );
  app.use(API_BASE, rateLimiter(options.config.rateLimit, options.config.anonymousRateLimit));
  if (formConfigs) {
    // Requests wait (once) until the published configuration has been read at start; after that
    // the gate passes requests straight on, without a promise per request.
    let ready = false;
    void formConfigs.ready.then(
      () => (ready = true),
      () => undefined,
    );
    app.use(API_BASE, (_req: Request, _res: Response, next: NextFunction) => {
      if (ready) return next();
      formConfigs.ready.then(() => next(), next);
    });
  }
  // Before the JSON parser: uploaded configuration is untrusted and read by its own parser.
  app.use(ADMIN_BASE, adminFormConfigsRouter(formConfigs?.service, bodyLimit));
  // Before the JSON parser too: an upload streams into the blob store as it arrives.
  app.use(attachmentsRouter(ctx));
  app.use(
    API_BASE,
    jsonBody({
      keyed: bodyLimit,
      anonymous: limits.anonymousBodyBytes ?? '256kb',
      budget: {
        maxNodes: limits.dataNodes ?? DEFAULT_DATA_BUDGET.maxNodes,
        maxDepth: limits.dataDepth ?? DEFAULT_DATA_BUDGET.maxDepth,
        maxArrayLength: limits.arrayLength ?? DEFAULT_DATA_BUDGET.maxArrayLength,
      },
    }),
  );

  // Embed sessions reach only their form and their own submission, whatever route they call.
  app.use(API_BASE, embedScope(embedSessions));

  // The hot paths first (portals validate on every save; back-office systems create): routes are
  // tried in order, and no path of these overlaps another router's.
  app.use(validateRouter(ctx));
  app.use(submissionsCreateRouter(ctx));
  app.use(formDiffRouter(ctx));
  app.use(formsRouter(ctx));
  app.use(rulesRouter(ctx));
  app.use(submissionsReadRouter(ctx));
  const tenantsById = new Map(options.config.tenants.map((t) => [t.id, t]));
  app.use(submissionDocumentRouter(ctx, (tenantId) => tenantsById.get(tenantId)?.documents ?? {}));
  app.use(submissionUpdateRouter(ctx));
  app.use(submissionStatusRouter(ctx));
  app.use(submissionMigrateRouter(ctx));
  app.use(submissionLegalHoldRouter(ctx));
  app.use(submissionApprovalsRouter(ctx));
  app.use(auditRouter(ctx));
  app.use(
    adminWebhooksRouter({
      outbox: options.webhooks?.outbox,
      httpsOnly: options.webhooks?.httpsOnly ?? true,
      now,
      ...(options.webhooks?.onWrite ? { wake: options.webhooks.onWrite } : {}),
    }),
  );
  app.use(casesRouter(ctx));
  app.use(worklistRouter(ctx));
  app.use(embedSessionsRouter(ctx, embedSessions));
  app.use(signInRouter(options.config));
  // After the API: an API request then never walks these routers' routes.
  app.use(healthRouter(ctx, { token: options.config.metricsToken, open: options.config.openMetrics === true }));
  app.use(openApiRouter(ctx));

  if (options.staticDirs) app.use(staticRouter(options.staticDirs));
  app.use((req: Request) => notFound(req));
  app.use(errorHandler(logger));
  return app;
}

/** Origins of the identity providers browsers sign in with (`signIn`), which pages may connect to. */
function signInOrigins(config: CreateAppOptions['config']): string[] {
  const issuers = config.tenants.flatMap((t) => t.oidc?.issuers ?? []).filter((i) => i.signIn);
  return [...new Set(issuers.map((i) => new URL(i.issuer).origin))];
}

/** Reads published configuration now (requests wait for it) and, when asked, again on an interval. */
function startFormConfigs(
  ctx: AppContext,
  options: CreateAppOptions,
): { service: FormConfigService; ready: Promise<void> } {
  const tenantIds = options.config.tenants.map((t) => t.id);
  const published = new PublishedForms(options.formConfigStore!, ctx, ctx.forms, tenantIds, ctx.logger);
  const reload = () =>
    published.reload().catch((e: unknown) => {
      // Git-kept configuration keeps applying; the next reload tries again.
      ctx.logger.error({ err: e }, 'published form configuration could not be read');
    });
  const ready = reload();
  if (options.formConfigRefreshMs && options.formConfigRefreshMs > 0)
    setInterval(() => void reload(), options.formConfigRefreshMs).unref();
  return { service: new FormConfigService(ctx, published), ready };
}
