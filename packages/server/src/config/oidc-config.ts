import { ROLES, type Role } from '../auth/roles.js';

/** Signature algorithms a tenant may allow: asymmetric only, so a published key can never sign (no `none`, no HS*). */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;
export type OidcAlgorithm = (typeof OIDC_ALGORITHMS)[number];
/** Allowed when an issuer names none. */
export const DEFAULT_OIDC_ALGORITHMS: readonly OidcAlgorithm[] = ['RS256', 'PS256', 'ES256'];

/** One identity provider (issuer) of a municipality. An issuer belongs to exactly one tenant. */
export interface OidcIssuerConfig {
  /** Exactly the `iss` of its tokens, e.g. `https://login.microsoftonline.com/<tenant-id>/v2.0`. */
  issuer: string;
  /** The issuer's JWKS; default: `jwks_uri` from `<issuer>/.well-known/openid-configuration`. */
  jwksUri?: string;
  /** The `aud` the API accepts (the API's identifier at this provider); one of them must be in the token. */
  audience: string | string[];
  /** Default `RS256`, `PS256`, `ES256`. */
  algorithms?: OidcAlgorithm[];
  /** Claim names (a dotted path reads nested claims, e.g. `realm_access.roles`). Defaults: `sub`, `name`, `roles`. */
  claims?: { subject?: string; name?: string; roles?: string };
  /**
   * The provider's role values to Skema roles, e.g. `{ "sagsbehandler": ["caseworker"] }`. Without
   * it a role value that is a Skema role name is taken as is. Values not mapped give no role.
   */
  roleMap?: Record<string, Role[]>;
  /**
   * A public client for browser sign-in (Authorization Code + PKCE), listed by `GET /api/v1/auth/sign-in`
   * so a portal can offer "log in with <municipality>". `scope` defaults to `openid profile`.
   */
  signIn?: { clientId: string; scope?: string };
}

export interface TenantOidcConfig {
  issuers: OidcIssuerConfig[];
}

const claimName = { type: 'string', pattern: '^[A-Za-z0-9_:\\-./]+$', minLength: 1, maxLength: 200 } as const;

export const oidcConfigSchema = {
  type: 'object',
  required: ['issuers'],
  additionalProperties: false,
  properties: {
    issuers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['issuer', 'audience'],
        additionalProperties: false,
        properties: {
          issuer: { type: 'string', minLength: 1 },
          jwksUri: { type: 'string', minLength: 1 },
          audience: {
            anyOf: [
              { type: 'string', minLength: 1 },
              { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            ],
          },
          algorithms: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...OIDC_ALGORITHMS] } },
          claims: {
            type: 'object',
            additionalProperties: false,
            properties: { subject: claimName, name: claimName, roles: claimName },
          },
          roleMap: {
            type: 'object',
            additionalProperties: { type: 'array', uniqueItems: true, items: { enum: [...ROLES] } },
          },
          signIn: {
            type: 'object',
            required: ['clientId'],
            additionalProperties: false,
            properties: { clientId: { type: 'string', minLength: 1 }, scope: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
  },
} as const;

/** What the schema cannot say: URLs that are URLs (https outside loopback), and each issuer in one tenant only. */
export function oidcProblems(tenants: readonly { id: string; oidc?: TenantOidcConfig }[]): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const tenant of tenants) {
    for (const [i, entry] of (tenant.oidc?.issuers ?? []).entries()) {
      const at = `tenant ${tenant.id}: oidc issuer ${i}`;
      for (const [what, value] of [
        ['issuer', entry.issuer],
        ['jwksUri', entry.jwksUri],
      ] as const) {
        if (value === undefined) continue;
        const problem = urlProblem(value);
        if (problem) problems.push(`${at}: ${what} ${value} ${problem}`);
      }
      const other = owner.get(entry.issuer);
      // The tenant is read from the issuer; an issuer shared by two tenants would let one tenant's staff into the other.
      if (other !== undefined)
        problems.push(
          `${at}: issuer ${entry.issuer} is already configured for tenant ${other}; an issuer belongs to exactly one tenant`,
        );
      else owner.set(entry.issuer, tenant.id);
    }
  }
  return problems;
}

function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return 'must use https (http only on localhost)';
  if (url.search || url.hash) return 'must have no query or fragment';
  return undefined;
}
