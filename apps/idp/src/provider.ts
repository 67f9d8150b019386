import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { SigningJwk } from './keys.js';
import { logoutPage } from './login-page.js';
import { demoUser, type DevTenant } from './users.js';

export interface ProviderOptions {
  issuer: string;
  tenant: DevTenant;
  /** Newest first: the first key signs, the others stay in the JWKS so tokens already issued still verify. */
  keys: readonly SigningJwk[];
  /** The Skema API's resource indicator, the `aud` of every access token. */
  audience: string;
  /** The demo portal: a public client (no secret) using Authorization Code + PKCE. */
  client: { clientId: string; redirectUris: string[]; postLogoutRedirectUris: string[] };
  cookieKeys: string[];
  /** Seconds an access token lives (default 600). */
  accessTokenTtl?: number;
}

/** The scope a client asks for to get an access token for the Skema API. */
export const API_SCOPE = 'skema';

/**
 * One municipality's OpenID Provider. Access tokens are JWTs for the Skema API (resource
 * indicators, RFC 8707/9068) carrying `name`, `roles` and `tenant`, so the API needs no
 * userinfo call per request.
 */
export function buildProvider(options: ProviderOptions): Provider {
  const resourceServer = {
    scope: API_SCOPE,
    audience: options.audience,
    accessTokenFormat: 'jwt' as const,
    accessTokenTTL: options.accessTokenTtl ?? 600,
    jwt: { sign: { alg: 'RS256' as const } },
  };
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.client.clientId,
        client_name: 'Skema demo',
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: options.client.redirectUris,
        post_logout_redirect_uris: options.client.postLogoutRedirectUris,
      },
    ],
    jwks: { keys: options.keys.map((k) => ({ ...k })) },
    cookies: { keys: options.cookieKeys },
    scopes: ['openid', 'profile', API_SCOPE],
    claims: { openid: ['sub'], profile: ['name'] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction) => `/${options.tenant}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = logoutPage(form);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          // The Skema API is the only resource server here.
          if (indicator !== options.audience) throw new errors.InvalidTarget();
          return resourceServer;
        },
      },
    },
    async findAccount(_ctx, sub) {
      const user = demoUser(sub);
      if (!user || user.tenant !== options.tenant) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: user.name }) };
    },
    // Person and roles go into the access token itself: the API verifies it offline against the JWKS.
    async extraTokenClaims(_ctx, token) {
      const user = 'accountId' in token && typeof token.accountId === 'string' ? demoUser(token.accountId) : undefined;
      return user ? { name: user.name, roles: user.roles, tenant: user.tenant } : undefined;
    },
  };
  const provider = new Provider(options.issuer, configuration);
  // Development runs over http on localhost; the provider would otherwise refuse insecure cookies behind no proxy.
  provider.proxy = true;
  return provider;
}
