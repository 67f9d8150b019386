export { createApp } from './app.js';
export type { CreateAppOptions } from './app-options.js';
export { isFormConfigStore } from './form-config/is-form-config-store.js';
export { loadServerConfig, parseServerConfig, ConfigError, type LoadedConfig } from './config/load-config.js';
export {
  serverConfigSchema,
  type ServerConfig,
  type TenantConfig,
  type ApiKeyConfig,
  type RateLimitConfig,
} from './config/server-config.js';
export { devConfig, DEV_KEYS, DEV_OIDC, devIdpUrl } from './config/dev-config.js';
export { DEFAULT_OIDC_ALGORITHMS, type OidcIssuerConfig, type TenantOidcConfig } from './config/oidc-config.js';
export type { OidcOptions } from './auth/oidc-verifier.js';
export {
  runRetention,
  RETENTION_ACTOR,
  type RetentionOptions,
  type RetentionRunResult,
  type RetentionTenant,
  type TenantRetentionCounts,
} from './retention/retention-job.js';
export { startRetentionJob, type RetentionJob, type RetentionScheduleOptions } from './retention/retention-schedule.js';
export { ROLES, type Role } from './auth/roles.js';
export type { EmbedScope, Principal } from './auth/principal.js';
export { createLogger, type Logger, type LoggerSetup } from './observability/logger.js';
export { scrubText } from './observability/scrub.js';
export { Metrics } from './observability/metrics.js';
// Guards are a plugin contribution now (core's contract); re-exported for callers of createApp({ guards }).
export { TransitionGuardRegistry, type TransitionGuard, type TransitionRequest, type GuardDecision } from '@skema/core';
export { ALLOWED_TRANSITIONS } from '@skema/submissions';
export { buildOpenApiDocument } from './openapi/openapi-document.js';
export { WebhookDispatcher, type DispatcherOptions } from './webhooks/dispatcher.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './webhooks/backoff.js';
export { applyConfiguredWebhooks, newWebhookSecret } from './webhooks/subscriptions.js';
export { runDeadlineScan, type DeadlineScanOptions } from './webhooks/deadline-job.js';
export type { AppContext } from './context.js';
export type { WebhookConfig, DocumentPolicy } from './config/webhooks-config.js';
export { apiSchemas } from './schemas/api-schemas.js';
