import { developmentListPolicy } from '@skema/forms';
import { ROLES } from '../auth/roles.js';
import type { OidcIssuerConfig } from './oidc-config.js';
import type { ServerConfig } from './server-config.js';

/** Development keys, documented in the README; refused in production. */
export const DEV_KEYS = {
  demo: 'skema-dev-key',
  demoLeder: 'skema-dev-key-leder',
  demo2: 'skema-dev-key-2',
  ringsted: 'skema-dev-key-ringsted',
  nordby: 'skema-dev-key-nordby',
} as const;

/** The development OpenID Provider's (`@skema/idp`) audience and demo portal client; kept in step with apps/idp. */
export const DEV_OIDC = {
  audience: 'urn:skema:api',
  clientId: 'skema-demo',
  scope: 'openid profile skema',
  port: 3001,
} as const;

/** The development provider's role names (as a municipality's IdP would send them) to Skema's roles. */
const DEV_ROLE_MAP: NonNullable<OidcIssuerConfig['roleMap']> = {
  sagsbehandler: ['caseworker'],
  fagkonsulent: ['caseworker', 'fagkonsulent'],
  leder: ['caseworker', 'leder'],
  admin: ['admin'],
  auditor: ['auditor'],
};

/**
 * Where the development provider runs: `SKEMA_DEV_IDP` (a URL, or `off` for none), default
 * `http://localhost:<IDP_PORT or 3001>`. `npm start` starts it there (apps/api).
 */
export function devIdpUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (env.SKEMA_DEV_IDP === 'off') return undefined;
  return env.SKEMA_DEV_IDP || `http://localhost:${env.IDP_PORT ?? DEV_OIDC.port}`;
}

/** The development provider's issuer for a tenant (`<url>/<tenant>`), signing in the demo portal. */
export function devIssuer(idpUrl: string, tenant: string): OidcIssuerConfig {
  return {
    issuer: `${idpUrl}/${tenant}`,
    audience: DEV_OIDC.audience,
    roleMap: DEV_ROLE_MAP,
    signIn: { clientId: DEV_OIDC.clientId, scope: DEV_OIDC.scope },
  };
}

/**
 * Used when no SKEMA_CONFIG is given outside production: tenant `demo` (a key with every role and
 * a second key, a leader, for two-person approvals), tenant `demo2` to try tenant isolation, and the
 * example municipalities `ringsted` and `nordby` whose overlays live in schemas/tenants/. With
 * `idpUrl`, `demo` and `demo2` also sign people in through the development provider at that URL.
 * Every development tenant's list shows the child's (or borger's) name, never the CPR number.
 */
export function devConfig(options: { idpUrl?: string } = {}): ServerConfig {
  const oidc = (tenant: string) => (options.idpUrl ? { oidc: { issuers: [devIssuer(options.idpUrl, tenant)] } } : {});
  // Lists show the name of the person a submission concerns (never a CPR number); the fields are
  // named in schemas/tenants/development-list-policy.json, beside the forms.
  const fields = developmentListPolicy();
  const listPolicy = Object.keys(fields).length ? { listPolicy: { fields } } : {};
  return {
    tenants: [
      {
        id: 'demo',
        name: 'Demo',
        ...oidc('demo'),
        ...listPolicy,
        keys: [
          { id: 'demo-dev', key: DEV_KEYS.demo, roles: [...ROLES] },
          { id: 'demo-leder', key: DEV_KEYS.demoLeder, roles: ['leder', 'caseworker'] },
        ],
      },
      {
        id: 'demo2',
        name: 'Demo 2',
        ...oidc('demo2'),
        ...listPolicy,
        keys: [{ id: 'demo2-dev', key: DEV_KEYS.demo2, roles: [...ROLES] }],
      },
      // The two example municipalities of schemas/tenants/, to see their overlays at work.
      {
        id: 'ringsted',
        name: 'Ringsted Kommune',
        ...listPolicy,
        keys: [{ id: 'ringsted-dev', key: DEV_KEYS.ringsted, roles: [...ROLES] }],
      },
      {
        id: 'nordby',
        name: 'Nordby Kommune',
        ...listPolicy,
        keys: [{ id: 'nordby-dev', key: DEV_KEYS.nordby, roles: [...ROLES] }],
      },
    ],
  };
}
