import type { CalendarOptions, RetentionPolicy, RuleOptionsByRule } from '@skema/core';
import { ROLES, type Role } from '../auth/roles.js';
import { retentionPolicySchema } from '../retention/retention-policy-schema.js';
import { oidcConfigSchema, type TenantOidcConfig } from './oidc-config.js';
import {
  documentPolicySchema,
  webhooksConfigSchema,
  type DocumentPolicy,
  type WebhookConfig,
} from './webhooks-config.js';

export interface ApiKeyConfig {
  /** Names the key in audit entries and revisions (`createdBy`); never the key itself. */
  id: string;
  /** The key, or its digest as `sha256:<64 hex>` so the file need not hold secrets. */
  key: string;
  roles: Role[];
}

export interface TenantConfig {
  id: string;
  name?: string;
  /**
   * API keys, for systems (integrations, portals' backends). A tenant needs keys or `oidc`, or both;
   * the file may leave `keys` out (read as none).
   */
  keys: ApiKeyConfig[];
  /** The municipality's identity provider(s), whose access tokens sign its staff in (see `OidcIssuerConfig`). */
  oidc?: TenantOidcConfig;
  /** Rule options by rule id, checked against the engine's rule catalogue at start. */
  ruleOptions?: RuleOptionsByRule;
  /**
   * The tenant's working-day calendar options for deadlines, e.g. `{ "grundlovsdag": false,
   * "extraClosedDays": ["2026-12-28"] }` with the Danish calendar; checked against the calendar
   * plugin's schema at start.
   */
  calendar?: CalendarOptions;
  /**
   * How long closed submissions are kept (spec DP-03, Q17): days after closure, per form with a
   * default. Without it the retention job never deletes this tenant's submissions.
   */
  retention?: RetentionPolicy;
  /**
   * What an item of `GET /submissions` may show of its data, per form id: JSON Pointers into
   * `data` (`*` for every array element). Default: nothing, so a list shows id, form, version,
   * status, revision and dates only. See `ListPolicy`.
   */
  listPolicy?: ListPolicy;
  /** Webhook subscriptions kept in the file (more can be made through `/admin/webhooks`). */
  webhooks?: WebhookConfig[];
  /** How the tenant's case documents (`document.pdf`) are made, e.g. whether CPR numbers show. */
  documents?: DocumentPolicy;
  /**
   * Need-to-know access per form id: the roles that see every submission of the form (besides
   * its creator, assignees, case team and the roles a plugin declares). Naming a form makes it
   * need-to-know for the tenant's people. See `AccessPolicy` in `@skema/submissions`.
   */
  access?: Record<string, { roles: Role[] }>;
}

/** Data fields a tenant's submission lists may show, by form id (see `listItemView`). */
export interface ListPolicy {
  fields?: Record<string, string[]>;
}

export interface RateLimitConfig {
  windowMs: number;
  /** Requests per key (or per IP without a key) per window. */
  limit: number;
}

/** Size limits of request bodies; see `DEFAULT_REQUEST_LIMITS`. */
export interface RequestLimits {
  /** Largest JSON body of a request with an API key, in bytes. */
  bodyBytes?: number;
  /** Largest JSON body of a request without a key (validate), in bytes. */
  anonymousBodyBytes?: number;
  /** Most values (objects, arrays, primitives) in a parsed body. */
  dataNodes?: number;
  /** Deepest nesting of a parsed body. */
  dataDepth?: number;
  /** Most elements of one array in a parsed body. */
  arrayLength?: number;
}

/** The content of the `SKEMA_CONFIG` file. */
export interface ServerConfig {
  tenants: TenantConfig[];
  /** Requests per API key per window (default 600 per minute). */
  rateLimit?: RateLimitConfig;
  /** Requests without a key per client address per window (default 60 per minute). */
  anonymousRateLimit?: RateLimitConfig;
  /** Failed authentications (a wrong key) per client address per window (default 20 per minute). */
  authFailureLimit?: RateLimitConfig;
  /** Body size and data budget (defaults: 1 MB keyed, 256 kB anonymous, 100 000 values, depth 64, 10 000 items). */
  limits?: RequestLimits;
  /**
   * Bearer token for `GET /metrics`. Without one, `/metrics` answers 404 (the development
   * configuration serves it openly). `METRICS_TOKEN` replaces it.
   */
  metricsToken?: string;
  /** Serve `/metrics` without a token (development only; set by `devConfig`). */
  openMetrics?: boolean;
  /**
   * Origins of the portals whose pages may call the API from the browser (the embedded
   * `<skema-form>`), e.g. `https://borger.kommune.dk`. Default: none, so only pages the API itself
   * serves can call it. `CORS_ORIGINS` replaces the list. Checked at start (see `corsOriginProblems`).
   */
  corsOrigins?: string[];
}

const id = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' } as const;

const rateLimitSchema = {
  type: 'object',
  required: ['windowMs', 'limit'],
  additionalProperties: false,
  properties: {
    windowMs: { type: 'integer', minimum: 1000 },
    limit: { type: 'integer', minimum: 1 },
  },
} as const;

/** JSON Schema of the `SKEMA_CONFIG` file; the server refuses to start when the file breaks it. */
export const serverConfigSchema = {
  $id: 'urn:skema:server-config',
  type: 'object',
  required: ['tenants'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    tenants: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: {
          id,
          name: { type: 'string' },
          oidc: oidcConfigSchema,
          keys: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['id', 'key', 'roles'],
              additionalProperties: false,
              properties: {
                id,
                key: {
                  anyOf: [
                    { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
                    { type: 'string', minLength: 16, not: { pattern: '^sha256:' } },
                  ],
                },
                roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...ROLES] } },
              },
            },
          },
          ruleOptions: { type: 'object', additionalProperties: { type: 'object' } },
          calendar: { type: 'object' },
          retention: retentionPolicySchema,
          webhooks: webhooksConfigSchema,
          documents: documentPolicySchema,
          access: {
            type: 'object',
            propertyNames: { pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
            additionalProperties: {
              type: 'object',
              required: ['roles'],
              additionalProperties: false,
              properties: { roles: { type: 'array', uniqueItems: true, items: { enum: [...ROLES] } } },
            },
          },
          listPolicy: {
            type: 'object',
            additionalProperties: false,
            properties: {
              fields: {
                type: 'object',
                propertyNames: { pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
                additionalProperties: {
                  type: 'array',
                  uniqueItems: true,
                  items: { type: 'string', pattern: '^(/([^/~]|~[01])*)+$' },
                },
              },
            },
          },
        },
      },
    },
    rateLimit: rateLimitSchema,
    anonymousRateLimit: rateLimitSchema,
    authFailureLimit: rateLimitSchema,
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        bodyBytes: { type: 'integer', minimum: 1024 },
        anonymousBodyBytes: { type: 'integer', minimum: 1024 },
        dataNodes: { type: 'integer', minimum: 1 },
        dataDepth: { type: 'integer', minimum: 2 },
        arrayLength: { type: 'integer', minimum: 1 },
      },
    },
    metricsToken: { type: 'string', minLength: 16 },
    // Strings here; whether each is an origin is checked after the schema, with a clearer message.
    corsOrigins: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
} as const;
