import type { FormConfigStore, FormRegistry, SkemaEngine, SubmissionStore, TenantForms } from '@skema/core';
import type { ServerConfig } from './config/server-config.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import type { TransitionGuardRegistry } from './transitions/guards.js';

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
  /** Tenants, keys, rule options, rate limit and the portal origins allowed by CORS (see `loadServerConfig`). */
  config: ServerConfig;
  /** Defaults to a JSON logger on stdout at level `info`. */
  logger?: Logger;
  metrics?: Metrics;
  /** Defaults to the standard forms' guards (LEV-07, UND-03). */
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
  /** Clock, for tests. */
  now?: () => Date;
}
