import { readFileSync } from 'node:fs';
import { CalendarOptionsError, checkRuleOptions, createAjv, type SkemaEngine } from '@skema/core';
import { keyDigest } from '../auth/key-ring.js';
import { RETENTION_ACTOR } from '../retention/retention-job.js';
import { corsOriginProblems, parseCorsOrigins } from './cors-origins.js';
import { devConfig, devIdpUrl } from './dev-config.js';
import { oidcProblems } from './oidc-config.js';
import { serverConfigSchema, type ServerConfig } from './server-config.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
  }
}

export interface LoadedConfig {
  config: ServerConfig;
  /** `file`, or `development` when the documented development tenants are used. */
  source: 'file' | 'development';
}

/**
 * Reads `SKEMA_CONFIG` (a JSON file), validates it with its JSON Schema and checks every
 * tenant's rule options against the engine's rule catalogue. Throws `ConfigError` with every
 * problem found, so the server refuses to start rather than run half-configured.
 */
export function loadServerConfig(env: NodeJS.ProcessEnv, engine: SkemaEngine): LoadedConfig {
  const file = env.SKEMA_CONFIG;
  if (!file) {
    if (env.NODE_ENV === 'production') {
      throw new ConfigError(
        'SKEMA_CONFIG must name a configuration file when NODE_ENV=production (the development keys are refused in production).',
      );
    }
    // Development serves /metrics without a token unless one is set.
    const idp = devIdpUrl(env);
    return {
      config: withEnvOverrides({ ...devConfig(idp ? { idpUrl: idp } : {}), openMetrics: true }, env),
      source: 'development',
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`SKEMA_CONFIG ${file} cannot be read as JSON: ${(e as Error).message}`);
  }
  const config = parseServerConfig(raw, engine, file);
  return { config: withEnvOverrides(config, env), source: 'file' };
}

export function parseServerConfig(raw: unknown, engine: SkemaEngine, file = 'configuration'): ServerConfig {
  const ajv = createAjv();
  const validate = ajv.compile(serverConfigSchema);
  if (!validate(raw)) {
    const problems = (validate.errors ?? []).map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
    );
    throw new ConfigError(`SKEMA_CONFIG ${file} is not valid:`, problems);
  }
  const parsed = raw as ServerConfig;
  // A tenant that signs in only through its identity provider may leave `keys` out.
  const config: ServerConfig = { ...parsed, tenants: parsed.tenants.map((t) => ({ ...t, keys: t.keys ?? [] })) };
  const problems = [
    ...uniquenessProblems(config),
    ...credentialProblems(config),
    ...oidcProblems(config.tenants),
    ...ruleOptionProblems(config, engine),
    ...calendarProblems(config, engine),
    ...corsOriginProblems(config.corsOrigins ?? []).map((p) => `/corsOrigins ${p}`),
  ];
  if (problems.length) throw new ConfigError(`SKEMA_CONFIG ${file} is not valid:`, problems);
  return config;
}

/** A tenant nobody can sign in to is a mistake: refuse it rather than start with a tenant that answers 401 to everyone. */
function credentialProblems(config: ServerConfig): string[] {
  return config.tenants
    .filter((tenant) => !tenant.keys.length && !tenant.oidc?.issuers.length)
    .map(
      (tenant) =>
        `tenant ${tenant.id} has neither API keys (keys) nor an identity provider (oidc.issuers); configure at least one`,
    );
}

function uniquenessProblems(config: ServerConfig): string[] {
  const problems: string[] = [];
  const tenantIds = new Set<string>();
  const keyIds = new Set<string>();
  const digests = new Set<string>();
  for (const tenant of config.tenants) {
    if (tenantIds.has(tenant.id)) problems.push(`tenant id ${tenant.id} is used twice`);
    tenantIds.add(tenant.id);
    for (const key of tenant.keys) {
      if (keyIds.has(key.id)) problems.push(`key id ${key.id} is used twice`);
      // The audit log must tell the retention job's deletions from any key's actions.
      if (key.id === RETENTION_ACTOR) problems.push(`key id ${key.id} is reserved for the retention job`);
      keyIds.add(key.id);
      const digest = keyDigest(key.key).toString('hex');
      if (digests.has(digest)) problems.push(`key ${key.id} has the same key as another key`);
      digests.add(digest);
    }
  }
  return problems;
}

function ruleOptionProblems(config: ServerConfig, engine: SkemaEngine): string[] {
  const catalogue = engine.catalogue().map(({ rule }) => rule);
  // checkRuleOptions also checks each value against the option's schema (for a legal rule, its legal bounds).
  return config.tenants.flatMap((tenant) =>
    checkRuleOptions(tenant.ruleOptions ?? {}, catalogue).map((p) => `tenant ${tenant.id}: ${p.message}`),
  );
}

/** Each tenant's calendar options, built once here so a mistake stops the start, not a request. */
function calendarProblems(config: ServerConfig, engine: SkemaEngine): string[] {
  return config.tenants.flatMap((tenant) => {
    try {
      engine.calendarFor(tenant.calendar);
      return [];
    } catch (error) {
      const problems = error instanceof CalendarOptionsError ? error.problems : [(error as Error).message];
      return problems.map((p) => `tenant ${tenant.id}: calendar ${p}`);
    }
  });
}

function withEnvOverrides(config: ServerConfig, env: NodeJS.ProcessEnv): ServerConfig {
  return withMetricsToken(withCorsOrigins(withAnonymousRateLimit(withRateLimit(config, env), env), env), env);
}

/** `RATE_LIMIT_ANONYMOUS_MAX`: requests without a key per address per window (`RATE_LIMIT_WINDOW_MS`, default a minute). */
function withAnonymousRateLimit(config: ServerConfig, env: NodeJS.ProcessEnv): ServerConfig {
  if (!env.RATE_LIMIT_ANONYMOUS_MAX) return config;
  const limit = Number(env.RATE_LIMIT_ANONYMOUS_MAX);
  if (!(Number.isInteger(limit) && limit > 0))
    throw new ConfigError('RATE_LIMIT_ANONYMOUS_MAX must be a positive integer.');
  const windowMs = env.RATE_LIMIT_WINDOW_MS
    ? Number(env.RATE_LIMIT_WINDOW_MS)
    : (config.anonymousRateLimit?.windowMs ?? 60_000);
  return { ...config, anonymousRateLimit: { windowMs, limit } };
}

/** `METRICS_TOKEN` replaces the file's `metricsToken`; a short token is refused like a short key. */
function withMetricsToken(config: ServerConfig, env: NodeJS.ProcessEnv): ServerConfig {
  const token = env.METRICS_TOKEN;
  if (!token) return config;
  if (token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters.');
  return { ...config, metricsToken: token };
}

function withRateLimit(config: ServerConfig, env: NodeJS.ProcessEnv): ServerConfig {
  const limit = env.RATE_LIMIT_MAX ? Number(env.RATE_LIMIT_MAX) : undefined;
  const windowMs = env.RATE_LIMIT_WINDOW_MS ? Number(env.RATE_LIMIT_WINDOW_MS) : undefined;
  if (limit === undefined && windowMs === undefined) return config;
  if (
    (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) ||
    (windowMs !== undefined && !(Number.isInteger(windowMs) && windowMs > 0))
  ) {
    throw new ConfigError('RATE_LIMIT_MAX and RATE_LIMIT_WINDOW_MS must be positive integers.');
  }
  return {
    ...config,
    rateLimit: {
      windowMs: windowMs ?? config.rateLimit?.windowMs ?? 60_000,
      limit: limit ?? config.rateLimit?.limit ?? 600,
    },
  };
}

/** `CORS_ORIGINS` (comma-separated) replaces the file's `corsOrigins`; unset or empty leaves them. */
function withCorsOrigins(config: ServerConfig, env: NodeJS.ProcessEnv): ServerConfig {
  const origins = parseCorsOrigins(env.CORS_ORIGINS ?? '');
  if (!origins.length) return config;
  const problems = corsOriginProblems(origins);
  if (problems.length)
    throw new ConfigError('CORS_ORIGINS must list origins (scheme://host[:port]) separated by commas:', problems);
  return { ...config, corsOrigins: origins };
}
