import * as oauth from 'oauth4webapi';

/** A municipality's identity provider the demo can sign in with (`GET /api/v1/auth/sign-in`). */
export interface SignInProvider {
  tenantId: string;
  tenantName: string;
  issuer: string;
  clientId: string;
  scope: string;
  audience?: string;
}

/** Who the API takes the signed-in person for (`GET /api/v1/auth/me`). */
export interface Me {
  kind: 'person' | 'system';
  subject: string;
  name?: string;
  tenantId: string;
  tenantName: string;
  roles: string[];
}

interface Session {
  accessToken: string;
  idToken?: string;
  issuer: string;
  clientId: string;
  expiresAt: number;
}

const PENDING = 'skema-demo-sign-in';
const SESSION = 'skema-demo-session';
// Tokens live in this tab only (sessionStorage): closing the tab signs out.
const store = () => window.sessionStorage;

const redirectUri = () => `${window.location.origin}/`;

async function metadata(issuerUrl: string): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(issuerUrl);
  // The development provider runs over http on localhost; real providers are https.
  const options = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' };
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
}

const insecure = (issuer: string) => ({ [oauth.allowInsecureRequests]: new URL(issuer).protocol === 'http:' });

export async function signInProviders(): Promise<SignInProvider[]> {
  const res = await fetch('/api/v1/auth/sign-in');
  return res.ok ? ((await res.json()) as { providers: SignInProvider[] }).providers : [];
}

/** Authorization Code + PKCE: goes to the provider's login page; `completeSignIn` finishes on return. */
export async function startSignIn(provider: SignInProvider): Promise<void> {
  const as = await metadata(provider.issuer);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  store().setItem(
    PENDING,
    JSON.stringify({
      issuer: provider.issuer,
      clientId: provider.clientId,
      verifier,
      state,
      hash: window.location.hash,
    }),
  );
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: provider.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: provider.scope,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...(provider.audience ? { resource: provider.audience } : {}),
  }).toString();
  window.location.assign(url.href);
}

/** On return from the provider (`?code=…&state=…`): exchanges the code; a no-op otherwise. */
export async function completeSignIn(): Promise<void> {
  const params = new URL(window.location.href);
  const pendingText = store().getItem(PENDING);
  if (!pendingText || !(params.searchParams.has('code') || params.searchParams.has('error'))) return;
  store().removeItem(PENDING);
  const pending = JSON.parse(pendingText) as {
    issuer: string;
    clientId: string;
    verifier: string;
    state: string;
    hash: string;
  };
  try {
    const as = await metadata(pending.issuer);
    const client: oauth.Client = { client_id: pending.clientId };
    const callback = oauth.validateAuthResponse(as, client, params, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      callback,
      redirectUri(),
      pending.verifier,
      insecure(pending.issuer),
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    const session: Session = {
      accessToken: tokens.access_token,
      ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
      issuer: pending.issuer,
      clientId: pending.clientId,
      expiresAt: Date.now() + (tokens.expires_in ?? 300) * 1000,
    };
    store().setItem(SESSION, JSON.stringify(session));
  } finally {
    // The code is single-use: take it out of the address bar (and the history).
    window.history.replaceState(null, '', `/${pending.hash}`);
  }
}

function session(): Session | undefined {
  const text = store().getItem(SESSION);
  if (!text) return undefined;
  const value = JSON.parse(text) as Session;
  if (value.expiresAt <= Date.now()) {
    store().removeItem(SESSION);
    return undefined;
  }
  return value;
}

/** The signed-in person's access token for API calls, if any. */
export function accessToken(): string | undefined {
  return session()?.accessToken;
}

export async function whoAmI(): Promise<Me | undefined> {
  const token = accessToken();
  if (!token) return undefined;
  const res = await fetch('/api/v1/auth/me', { headers: { Authorization: `Bearer ${token}` } });
  return res.ok ? ((await res.json()) as Me) : undefined;
}

/** Forgets the tokens here, then ends the session at the provider (RP-initiated logout) and comes back. */
export async function signOut(): Promise<void> {
  const current = session();
  store().removeItem(SESSION);
  if (!current) return window.location.reload();
  const as = await metadata(current.issuer).catch(() => undefined);
  if (!as?.end_session_endpoint) return window.location.assign('/');
  const url = new URL(as.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: current.clientId,
    post_logout_redirect_uri: redirectUri(),
    ...(current.idToken ? { id_token_hint: current.idToken } : {}),
  }).toString();
  window.location.assign(url.href);
}
