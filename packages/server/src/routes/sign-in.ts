import { Router } from 'express';
import { requireAuth } from '../auth/authenticate.js';
import { principalOf } from '../auth/principal.js';
import type { ServerConfig } from '../config/server-config.js';
import { API_BASE } from '../context.js';

/**
 * `GET /auth/me`: the caller as the API sees it. `GET /auth/sign-in`: the identity providers a browser portal can sign people in with
 * (Authorization Code + PKCE, public clients only), per municipality. Public: it names only what
 * each provider's discovery document publishes anyway, plus the client id and the API's audience.
 */
export function signInRouter(config: ServerConfig): Router {
  const providers = config.tenants.flatMap((tenant) =>
    (tenant.oidc?.issuers ?? [])
      .filter((issuer) => issuer.signIn)
      .map((issuer) => ({
        tenantId: tenant.id,
        tenantName: tenant.name ?? tenant.id,
        issuer: issuer.issuer,
        clientId: issuer.signIn!.clientId,
        scope: issuer.signIn!.scope ?? 'openid profile',
        audience: Array.isArray(issuer.audience) ? issuer.audience[0] : issuer.audience,
      })),
  );
  const router = Router();
  router.get(`${API_BASE}/auth/sign-in`, (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json({ providers });
  });
  // Who the API takes the caller for: a portal shows the signed-in person with the roles the API maps, not the token's.
  const tenantNames = new Map(config.tenants.map((t) => [t.id, t.name ?? t.id]));
  router.get(`${API_BASE}/auth/me`, requireAuth, (_req, res) => {
    const p = principalOf(res);
    res.set('Cache-Control', 'private, no-store').json({
      kind: p.kind,
      subject: p.subject,
      ...(p.name ? { name: p.name } : {}),
      tenantId: p.tenantId,
      tenantName: tenantNames.get(p.tenantId) ?? p.tenantId,
      roles: p.roles,
      ...(p.scope ? { scope: { kind: p.scope.kind, formId: p.scope.formId, version: p.scope.version } } : {}),
    });
  });
  return router;
}
