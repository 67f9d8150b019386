import type { CalendarOptions, RetentionPolicy, RuleOptionsByRule } from '@skema/core';
import { ROLES, type Role } from '../auth/roles.js';
import { retentionPolicySchema } from '../retention/retention-policy-schema.js';

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
  keys: ApiKeyConfig[];
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
}

export interface RateLimitConfig {
  windowMs: number;
  /** Requests per key (or per IP without a key) per window. */
  limit: number;
}

/** The content of the `SKEMA_CONFIG` file. */
export interface ServerConfig {
  tenants: TenantConfig[];
  rateLimit?: RateLimitConfig;
  /**
   * Origins of the portals whose pages may call the API from the browser (the embedded
   * `<skema-form>`), e.g. `https://borger.kommune.dk`. Default: none, so only pages the API itself
   * serves can call it. `CORS_ORIGINS` replaces the list. Checked at start (see `corsOriginProblems`).
   */
  corsOrigins?: string[];
}

const id = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' } as const;

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
        required: ['id', 'keys'],
        additionalProperties: false,
        properties: {
          id,
          name: { type: 'string' },
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
        },
      },
    },
    rateLimit: {
      type: 'object',
      required: ['windowMs', 'limit'],
      additionalProperties: false,
      properties: {
        windowMs: { type: 'integer', minimum: 1000 },
        limit: { type: 'integer', minimum: 1 },
      },
    },
    // Strings here; whether each is an origin is checked after the schema, with a clearer message.
    corsOrigins: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
} as const;
