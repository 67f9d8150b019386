import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import type Provider from 'oidc-provider';
import { newSigningKey, type SigningJwk } from './keys.js';
import { loginPage } from './login-page.js';
import { buildProvider } from './provider.js';
import { DEMO_USERS, DEV_TENANTS, demoUser, type DevTenant } from './users.js';

/** The demo portal's client id at the development provider. */
export const DEV_CLIENT_ID = 'skema-demo';
/** The Skema API's resource indicator in development: the `aud` of the provider's access tokens. */
export const DEV_AUDIENCE = 'urn:skema:api';

const TENANT_NAMES: Record<DevTenant, string> = { demo: 'Demo Kommune', demo2: 'Demo 2 Kommune' };

export interface DevIdpOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The origin browsers and the API use, default `http://<host>:<port>`; issuers are `<url>/<tenant>`. */
  publicUrl?: (port: number) => string;
  /** Where the demo portal may be sent back to after sign-in and sign-out (its page URLs). */
  redirectUris: string[];
  /** Starting keys per municipality (tests pass their own to sign crafted tokens); default: generated now. */
  keys?: Partial<Record<DevTenant, SigningJwk[]>>;
  accessTokenTtl?: number;
}

export interface DevIdp {
  url: string;
  clientId: string;
  audience: string;
  issuer(tenant: DevTenant): string;
  /** The municipality's current keys, newest (signing) first. */
  keys(tenant: DevTenant): readonly SigningJwk[];
  /**
   * Signs with a new key from now on, keeping the previous one in the JWKS (tokens already issued
   * still verify); keys older than that leave the JWKS. No restart of the provider or the API.
   */
  rotateKeys(): Promise<void>;
  close(): Promise<void>;
}

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** Grants what the client asked for: the OIDC scopes and claims and the API's scope, as a consent screen would. */
async function giveConsent(provider: Provider, details: Interaction, req: Request, res: Response): Promise<void> {
  const { accountId } = details.session ?? {};
  const clientId = String(details.params.client_id);
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: accountId!, clientId });
  if (!grant) throw new Error('grant not found');
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
    grant.addResourceScope(resource, scopes.join(' '));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** The development OpenID Provider: one issuer per municipality (`/demo`, `/demo2`), demo users per role. */
export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const host = options.host ?? '127.0.0.1';
  const cookieKeys = [randomBytes(32).toString('base64url')];
  const keys = new Map<DevTenant, SigningJwk[]>();
  for (const tenant of DEV_TENANTS) keys.set(tenant, options.keys?.[tenant] ?? [await newSigningKey()]);
  const providers = new Map<DevTenant, { provider: Provider; handle: ReturnType<Provider['callback']> }>();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  let url = '';
  const rebuild = (tenant: DevTenant) => {
    const provider = buildProvider({
      issuer: `${url}/${tenant}`,
      tenant,
      keys: keys.get(tenant)!,
      audience: DEV_AUDIENCE,
      client: {
        clientId: DEV_CLIENT_ID,
        redirectUris: options.redirectUris,
        postLogoutRedirectUris: options.redirectUris,
      },
      cookieKeys,
      ...(options.accessTokenTtl ? { accessTokenTtl: options.accessTokenTtl } : {}),
    });
    providers.set(tenant, { provider, handle: provider.callback() });
  };
  const providerOf = (req: Request): Provider | undefined => providers.get(req.params.tenant as DevTenant)?.provider;

  app.get('/:tenant/interaction/:uid', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const provider = providerOf(req);
      if (!provider) return next();
      const details = await provider.interactionDetails(req, res);
      const tenant = req.params.tenant as DevTenant;
      // A first-party development client: consent is given without asking (the login is the only page).
      if (details.prompt.name === 'consent') return await giveConsent(provider, details, req, res);
      res
        .type('html')
        .set('Cache-Control', 'no-store')
        .send(
          loginPage({
            action: `/${tenant}/interaction/${details.uid}`,
            tenantName: TENANT_NAMES[tenant],
            users: DEMO_USERS.filter((u) => u.tenant === tenant),
            clientName: 'Skema demo',
          }),
        );
    } catch (e) {
      next(e);
    }
  });
  app.post(
    '/:tenant/interaction/:uid',
    express.urlencoded({ extended: false, limit: '4kb' }),
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const provider = providerOf(req);
        if (!provider) return next();
        await provider.interactionDetails(req, res);
        const { user: name } = req.body as Record<string, unknown>;
        const user = demoUser(typeof name === 'string' ? name : '');
        if (!user || user.tenant !== req.params.tenant)
          return void res.status(400).type('text').send('Unknown demo user');
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: user.id } },
          { mergeWithLastSubmission: false },
        );
      } catch (e) {
        next(e);
      }
    },
  );
  for (const tenant of DEV_TENANTS) {
    // Looked up per request: a key rotation swaps the provider underneath.
    app.use(`/${tenant}`, (req, res) => providers.get(tenant)!.handle(req, res));
  }

  const server: Server = createServer(app);
  await new Promise<void>((ok, fail) =>
    server
      .once('listening', ok)
      .once('error', fail)
      .listen(options.port ?? 0, host),
  );
  const { port } = server.address() as AddressInfo;
  url = options.publicUrl?.(port) ?? `http://${host}:${port}`;
  for (const tenant of DEV_TENANTS) rebuild(tenant);

  return {
    url,
    clientId: DEV_CLIENT_ID,
    audience: DEV_AUDIENCE,
    issuer: (tenant) => `${url}/${tenant}`,
    keys: (tenant) => keys.get(tenant)!,
    rotateKeys: async () => {
      for (const tenant of DEV_TENANTS) {
        keys.set(tenant, [await newSigningKey(), keys.get(tenant)![0]!]);
        rebuild(tenant);
      }
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
