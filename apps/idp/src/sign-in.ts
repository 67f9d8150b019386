import * as oauth from 'oauth4webapi';
import type { DevIdp } from './idp.js';
import { API_SCOPE } from './provider.js';
import { demoUser } from './users.js';

/**
 * Signs a demo user in through the provider's real endpoints, as the browser does: Authorization
 * Code with PKCE, the login form posted, the code exchanged. Returns the access token (a JWT for
 * the Skema API) and the ID token. For tests and scripts; the demo portal does the same in the page.
 */
export async function signInAs(
  idp: DevIdp,
  userId: string,
  redirectUri: string,
): Promise<{ accessToken: string; idToken?: string }> {
  const user = demoUser(userId);
  if (!user) throw new Error(`No demo user ${userId}`);
  const issuer = new URL(idp.issuer(user.tenant));
  const insecure = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' };
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
  const client: oauth.Client = { client_id: idp.clientId };
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const authorize = new URL(as.authorization_endpoint!);
  authorize.search = new URLSearchParams({
    client_id: idp.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: `openid profile ${API_SCOPE}`,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  }).toString();

  // A cookie jar of one sign-in (the provider's interaction and session cookies).
  const cookies = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}): Promise<string> => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (!location)
      throw new Error(`${init.method ?? 'GET'} ${url}: expected a redirect, got ${res.status} ${await res.text()}`);
    return new URL(location, url).href;
  };
  const interaction = await go(authorize.href);
  let next = await go(interaction, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user: user.id }).toString(),
  });
  while (!next.startsWith(redirectUri)) next = await go(next);

  const params = oauth.validateAuthResponse(as, client, new URL(next), state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri,
    verifier,
    insecure,
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  return { accessToken: tokens.access_token, ...(tokens.id_token ? { idToken: tokens.id_token } : {}) };
}
