import type { AttachmentLimits } from '@skema/submissions';
import type {
  BlobStore,
  CaseStore,
  EmbedSessionStore,
  FormConfigStore,
  FormRegistry,
  OutboxStore,
  SkemaEngine,
  SubmissionStore,
  TenantForms,
  TransitionGuardRegistry,
} from '@skema/core';
import type { OidcOptions } from './auth/oidc-verifier.js';
import type { ServerConfig } from './config/server-config.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import type { EngineFactorySpec } from './validation/engine-factory.js';

export interface CreateAppOptions {
  engine: SkemaEngine;
  registry: FormRegistry;
  /** Tenants' overlays and own forms (see `loadTenantForms` in @skema/forms). Default: none. */
  tenantForms?: TenantForms;
  /**
   * Tenants' form configuration managed through the API (`/admin/form-configs`); usually the same
   * object as `store`. Without it those endpoints answer 501 and only git-kept configuration applies.
   */
  formConfigStore?: FormConfigStore;
  /**
   * Re-read published configuration this often (ms), so every instance of a multi-instance
   * deployment picks up publications made through another one. Default: only at start and on
   * this instance's own publications.
   */
  formConfigRefreshMs?: number;
  /** An initialised store (`createApp` neither opens nor closes it). */
  store: SubmissionStore;
  /**
   * Webhooks (issue #15): the outbox (usually the same object as `store`) behind `/admin/webhooks`
   * and `/admin/deliveries`; `onWrite`, called after each stored change (the dispatcher's `wake`);
   * `httpsOnly` (default true) refuses `http:` subscription URLs. Without `outbox` those endpoints answer 501.
   */
  webhooks?: { outbox?: OutboxStore | undefined; onWrite?: () => void; httpsOnly?: boolean };
  /** Cases (sager); usually the same object as `store`. Without it the case endpoints answer 501. */
  caseStore?: CaseStore;
  /**
   * Where embed sessions live (default: `store` when it keeps them, as every store of this
   * repository does; else this process's memory, which a restart forgets and other instances do not see).
   */
  embedSessionStore?: EmbedSessionStore;
  /** Attachments' files (needs `caseStore`). Without it the attachment endpoints answer 501. */
  blobStore?: BlobStore;
  /** Per file (default 25 MB) and per tenant (default 5 GB). */
  attachmentLimits?: Partial<AttachmentLimits>;
  /** Tenants, keys, rule options, rate limit and the portal origins allowed by CORS (see `loadServerConfig`). */
  config: ServerConfig;
  /** Defaults to a JSON logger on stdout at level `info`. */
  logger?: Logger;
  metrics?: Metrics;
  /** Transition guards; default: those the engine's plugins contribute (`TransitionGuardRegistry.fromPlugins`). */
  guards?: TransitionGuardRegistry;
  /** Largest JSON body accepted; larger is 413. Default `1mb`. */
  bodyLimit?: string | number;
  /**
   * Built front-end folders by mount path, e.g. `{ '/': 'apps/demo/dist', '/embed': 'packages/embed/dist' }`.
   * `/embed` is served with `Cross-Origin-Resource-Policy: cross-origin` so portals on other origins can load the script.
   */
  staticDirs?: Record<string, string>;
  /** Express `trust proxy` (for the client address behind a reverse proxy). Default off. */
  trustProxy?: boolean | number | string;
  /** Clock, for tests (also the clock OIDC tokens' `exp` and `nbf` and embed sessions are checked against). */
  now?: () => Date;
  /**
   * Sign-in: clock tolerance and JWKS caching of the tenants' identity providers (see `OidcOptions`),
   * and how long an embed session lives (`embedSessionTtlMs`, default 15 minutes).
   */
  auth?: OidcOptions & { embedSessionTtlMs?: number };
  /**
   * How untrusted forms (own forms and overlays published through the API) are validated: in
   * worker threads whose engine comes from `engineFactory` (default `@skema/forms`'s
   * `createStandardEngine`; give the module that builds `engine` when it has other plugins),
   * `workers` (default 2), a `deadlineMs` per validation (default 1000) and a heap limit per
   * worker (`maxOldGenerationSizeMb`, default 256).
   */
  validation?: {
    engineFactory?: EngineFactorySpec;
    workers?: number;
    deadlineMs?: number;
    maxOldGenerationSizeMb?: number;
  };
}
