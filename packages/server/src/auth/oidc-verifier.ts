import type { CalendarOptions, WorkingDayCalendar } from '@skema/core';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DEFAULT_OIDC_ALGORITHMS, type OidcIssuerConfig } from '../config/oidc-config.js';
import type { TenantConfig } from '../config/server-config.js';
import { claim, rolesFrom } from './claims.js';
import type { Principal } from './principal.js';
import { tenantSettings, type TenantSettings } from './tenant-settings.js';

export interface OidcOptions {
  /** Seconds of clock difference allowed on `exp`, `nbf` and `iat` (default 30). */
  clockToleranceSec?: number;
  /** Least time between two fetches of an issuer's JWKS (a token with an unknown `kid` asks for one); default 30 000 ms. */
  jwksCooldownMs?: number;
  /** A JWKS older than this is fetched again on the next token (default 10 minutes). */
  jwksMaxAgeMs?: number;
  /** Timeout of a JWKS or discovery request (default 5 000 ms). */
  fetchTimeoutMs?: number;
  /** Verified tokens remembered until they expire (default 10 000; 0: verify every time). */
  maxCachedTokens?: number;
}

/** Why a token was refused; logged (never the token) and never sent to the caller. */
export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';
}

interface IssuerEntry {
  config: OidcIssuerConfig;
  settings: TenantSettings;
  algorithms: string[];
  keys?: Promise<JWTVerifyGetKey> | undefined;
}

/** A token that looks like a JWS in compact form (three base64url parts, a JSON header first). */
export function looksLikeJwt(token: string): boolean {
  return token.startsWith('eyJ') && /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

/**
 * Verifies OIDC access tokens (JWTs) against the issuers the tenants configured. The issuer decides
 * the tenant (an issuer belongs to one tenant only), and the token must be signed with one of the
 * issuer's published keys by an allowed asymmetric algorithm, name the API in `aud`, and be within
 * `nbf`/`exp`. Each issuer's JWKS is fetched once and cached; an unknown `kid` fetches it again
 * (at most once per cooldown), so the provider can rotate its keys without restarting the API.
 */
export class OidcVerifier {
  private readonly issuers = new Map<string, IssuerEntry>();
  private readonly clockTolerance: number;
  /**
   * Tokens verified already, until their `exp`: a portal sends the same token on every request, and
   * a signature check costs more than the validation it guards. Oldest out first past `maxCached`.
   */
  private readonly verified = new Map<string, { principal: Principal; expMs: number }>();
  private readonly maxCached: number;

  constructor(
    tenants: readonly TenantConfig[],
    private readonly now: () => Date,
    calendarFor?: (options: CalendarOptions) => WorkingDayCalendar,
    private readonly options: OidcOptions = {},
  ) {
    this.clockTolerance = options.clockToleranceSec ?? 30;
    this.maxCached = options.maxCachedTokens ?? 10_000;
    for (const tenant of tenants) {
      if (!tenant.oidc) continue;
      const settings = tenantSettings(tenant, calendarFor);
      for (const config of tenant.oidc.issuers) {
        this.issuers.set(config.issuer, {
          config,
          settings,
          algorithms: [...(config.algorithms ?? DEFAULT_OIDC_ALGORITHMS)],
        });
      }
    }
  }

  get enabled(): boolean {
    return this.issuers.size > 0;
  }

  /** The principal of a valid token; `TokenRejected` (with the reason, for the log) otherwise. */
  async verify(token: string): Promise<Principal> {
    return this.cached(token) ?? this.verifyAnew(token);
  }

  /** The principal of a token verified before and not yet expired (synchronous: no promise on the hot path). */
  cached(token: string): Principal | undefined {
    const known = this.verified.get(token);
    if (!known) return undefined;
    if (known.expMs + this.clockTolerance * 1000 > this.now().getTime()) return known.principal;
    this.verified.delete(token);
    return undefined;
  }

  private async verifyAnew(token: string): Promise<Principal> {
    let iss: unknown;
    let alg: unknown;
    try {
      iss = decodeJwt(token).iss;
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new TokenRejected('not a well-formed JWT');
    }
    const entry = typeof iss === 'string' ? this.issuers.get(iss) : undefined;
    if (!entry) throw new TokenRejected(`issuer not configured: ${String(iss).slice(0, 200)}`);
    // Checked before any key is looked at: `none` and HS* never reach signature verification.
    if (typeof alg !== 'string' || !entry.algorithms.includes(alg))
      throw new TokenRejected(`algorithm not allowed: ${String(alg).slice(0, 20)}`);
    let keys: JWTVerifyGetKey;
    try {
      keys = await this.keysOf(entry);
    } catch (e) {
      throw new TokenRejected(`the issuer's keys cannot be had: ${(e as Error).message}`);
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: entry.config.issuer,
        audience: entry.config.audience,
        algorithms: entry.algorithms,
        clockTolerance: this.clockTolerance,
        currentDate: this.now(),
        requiredClaims: ['exp'],
      }));
    } catch (e) {
      if (e instanceof errors.JOSEError) throw new TokenRejected(`${e.code}: ${e.message}`);
      throw e;
    }
    const subject = claim(payload, entry.config.claims?.subject ?? 'sub');
    if (typeof subject !== 'string' || subject === '') throw new TokenRejected('no subject claim');
    const name = claim(payload, entry.config.claims?.name ?? 'name');
    const principal: Principal = {
      ...entry.settings,
      keyId: `oidc:${subject}`,
      kind: 'person',
      subject,
      ...(typeof name === 'string' && name !== '' ? { name } : {}),
      roles: rolesFrom(payload, entry.config),
    };
    this.remember(token, principal, payload.exp! * 1000);
    return principal;
  }

  private remember(token: string, principal: Principal, expMs: number): void {
    if (this.maxCached <= 0) return;
    if (this.verified.size >= this.maxCached) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expMs });
  }

  /** The issuer's key set, from `jwksUri` or its discovery document; a failed lookup is tried again on the next token. */
  private keysOf(entry: IssuerEntry): Promise<JWTVerifyGetKey> {
    entry.keys ??= this.jwksUri(entry.config).then((uri) =>
      createRemoteJWKSet(new URL(uri), {
        cooldownDuration: this.options.jwksCooldownMs ?? 30_000,
        cacheMaxAge: this.options.jwksMaxAgeMs ?? 600_000,
        timeoutDuration: this.options.fetchTimeoutMs ?? 5_000,
      }),
    );
    entry.keys.catch(() => (entry.keys = undefined));
    return entry.keys;
  }

  private async jwksUri(config: OidcIssuerConfig): Promise<string> {
    if (config.jwksUri) return config.jwksUri;
    const url = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await fetch(url, {
      signal: AbortSignal.timeout(this.options.fetchTimeoutMs ?? 5_000),
      redirect: 'error',
    });
    if (!res.ok) throw new TokenRejected(`discovery ${url} answered ${res.status}`);
    const metadata = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // RFC 8414 §3.3: the document must name the issuer it was fetched for.
    if (metadata.issuer !== config.issuer) throw new TokenRejected(`discovery ${url} names another issuer`);
    if (typeof metadata.jwks_uri !== 'string') throw new TokenRejected(`discovery ${url} has no jwks_uri`);
    return metadata.jwks_uri;
  }
}
