import { type DevIdp, newSigningKey, publicJwk, signInAs, startDevIdp, type SigningJwk } from '@skema/idp';
import { createTestApp, fixtureData, bearer, TEST_KEYS, testConfig } from '@skema/server/testing';
import type { OidcIssuerConfig, ServerConfig } from '@skema/server';
import { base64url, decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * OIDC access tokens against the real development provider (oidc-provider): sign-in through its
 * endpoints, attacks on the token, and key rotation without restarting the API. The provider's
 * keys are the test's own, so the test can also sign tokens with the provider's key but wrong claims.
 */
const REDIRECT = 'http://127.0.0.1:1/callback';
let idp: DevIdp;
let demoKey: SigningJwk;

const roleMap: NonNullable<OidcIssuerConfig['roleMap']> = {
  sagsbehandler: ['caseworker'],
  leder: ['caseworker', 'leder'],
  admin: ['admin'],
  auditor: ['auditor'],
};

/** Tenant alpha signs in at the provider's `demo` issuer, beta at `demo2`. */
function config(): ServerConfig {
  const base = testConfig();
  base.tenants[0]!.oidc = { issuers: [{ issuer: idp.issuer('demo'), audience: idp.audience, roleMap }] };
  base.tenants[1]!.oidc = { issuers: [{ issuer: idp.issuer('demo2'), audience: idp.audience, roleMap }] };
  return base;
}

function app(options: { now?: () => Date } = {}) {
  return createTestApp({ config: config(), auth: { jwksCooldownMs: 0 }, ...options });
}

beforeAll(async () => {
  demoKey = await newSigningKey();
  idp = await startDevIdp({ redirectUris: [REDIRECT], keys: { demo: [demoKey] } });
});
afterAll(async () => idp?.close());

const signIn = async (user: string) => (await signInAs(idp, user, REDIRECT)).accessToken;

/** A token signed with `key` (default: the provider's own demo key) and these claims over sensible defaults. */
async function craft(
  claims: Record<string, unknown>,
  options: { key?: SigningJwk; header?: Record<string, unknown> } = {},
): Promise<string> {
  const key = options.key ?? demoKey;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: idp.issuer('demo'),
    aud: idp.audience,
    sub: 'demo-sagsbehandler',
    name: 'Signe',
    roles: ['admin'],
    iat: now,
    exp: now + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt', ...options.header })
    .sign(await importJWK(key, 'RS256'));
}

/** The one answer to every refused token: 401 problem+json, invalid_token, a generic message and nothing else. */
async function expectRefused(server: ReturnType<typeof app>, token: string, label: string): Promise<void> {
  const res = await request(server.app).get('/api/v1/submissions').set(bearer(token));
  expect(res.status, label).toBe(401);
  expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/);
  expect(res.headers['www-authenticate'], label).toBe('Bearer realm="skema", error="invalid_token"');
  // The same body, to the byte, whatever was wrong with the token.
  expect(res.body, label).toEqual({
    type: 'https://skema.dk/problems/unauthorized',
    title: 'Manglende eller ugyldig API-nøgle',
    status: 401,
    detail: 'Legitimationen er ugyldig eller udløbet.',
    instance: '/api/v1/submissions',
  });
  // The reason is logged for the operator, the token never.
  expect(server.logs.join('')).not.toContain(token.split('.')[2] || token);
}

describe('OIDC access tokens from the development provider', () => {
  it('a sagsbehandler signed in through the provider is a person of tenant alpha with the mapped roles', async () => {
    const server = app();
    const token = await signIn('demo-sagsbehandler');
    expect(decodeProtectedHeader(token).typ).toBe('at+jwt');
    const me = await request(server.app).get('/api/v1/auth/me').set(bearer(token)).expect(200);
    expect(me.body).toEqual({
      kind: 'person',
      subject: 'demo-sagsbehandler',
      name: 'Signe Sagsbehandler',
      tenantId: 'alpha',
      tenantName: 'alpha',
      roles: ['caseworker'],
    });
    const created = await request(server.app)
      .post('/api/v1/submissions')
      .set(bearer(token))
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: fixtureData() })
      .expect(201);
    expect(created.body.submission).toMatchObject({ tenantId: 'alpha', createdBy: 'oidc:demo-sagsbehandler' });
    // An auditor may read the audit log but not submissions: roles come from the token through the roleMap.
    const auditor = await signIn('demo-auditor');
    await request(server.app).get('/api/v1/submissions').set(bearer(auditor)).expect(403);
    await request(server.app).get('/api/v1/audit').set(bearer(auditor)).expect(200);
    // An API key is a system, never a person.
    const key = await request(server.app).get('/api/v1/auth/me').set(bearer(TEST_KEYS.caseworker)).expect(200);
    expect(key.body).toMatchObject({ kind: 'system', subject: 'alpha-caseworker' });
  });

  it('refuses every attack on the token with the same 401 and discloses nothing', async () => {
    const server = app();
    const real = await signIn('demo-sagsbehandler');
    const [h, p, s] = real.split('.') as [string, string, string];
    const payload = decodeJwt(real);
    const enc = (o: unknown) => base64url.encode(JSON.stringify(o));
    const stranger = await newSigningKey();
    const publicPem = JSON.stringify(publicJwk(demoKey));
    const attacks: Record<string, string> = {
      'alg none': `${enc({ alg: 'none', typ: 'at+jwt' })}.${enc({ ...payload, roles: ['admin'] })}.`,
      'HS256 signed with the public key': await new SignJWT({ ...payload })
        .setProtectedHeader({ alg: 'HS256', kid: demoKey.kid })
        .sign(new TextEncoder().encode(publicPem)),
      'wrong issuer': await craft({ iss: 'https://login.evil.example/demo' }, { key: stranger }),
      'wrong issuer, signed with the real key': await craft({ iss: 'https://login.evil.example/demo' }),
      'wrong audience': await craft({ aud: 'urn:some:other:api' }),
      expired: await craft({ iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 60 }),
      'not yet valid': await craft({ nbf: Math.floor(Date.now() / 1000) + 300 }),
      'tampered payload': `${h}.${enc({ ...payload, roles: ['admin'] })}.${s}`,
      'tampered signature': `${h}.${p}.${s.slice(0, -4)}AAAA`,
      'unknown kid': await craft({}, { key: stranger }),
      'no exp': await craft({ exp: undefined }),
      'demo token re-labelled for demo2': `${h}.${enc({ ...payload, iss: idp.issuer('demo2') })}.${s}`,
      'not a JWT at all': 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln',
    };
    for (const [label, token] of Object.entries(attacks)) await expectRefused(server, token, label);
    expect(server.logs.join('')).toMatch(/credential refused/);
    // Still fine afterwards: the real token.
    await request(server.app).get('/api/v1/submissions').set(bearer(real)).expect(200);
  });

  it("checks exp against the API's clock with 30 s tolerance (the provider's real tokens)", async () => {
    const token = await signIn('demo-sagsbehandler');
    const exp = decodeJwt(token).exp! * 1000;
    await request(app({ now: () => new Date(exp + 20_000) }).app)
      .get('/api/v1/submissions')
      .set(bearer(token))
      .expect(200);
    await expectRefused(app({ now: () => new Date(exp + 31_000) }), token, 'expired real token');
  });

  it("a token of tenant A's issuer never reaches tenant B's data", async () => {
    const server = app();
    const beta = await request(server.app)
      .post('/api/v1/submissions')
      .set(bearer(TEST_KEYS.beta))
      .send({ formId: 'fixture', version: '1.0.0', status: 'draft', data: {} })
      .expect(201);
    const alphaPerson = await signIn('demo-sagsbehandler');
    await request(server.app)
      .get(`/api/v1/submissions/${beta.body.submission.id}`)
      .set(bearer(alphaPerson))
      .expect(404);
    const list = await request(server.app).get('/api/v1/submissions').set(bearer(alphaPerson)).expect(200);
    expect(list.body.items).toEqual([]);
    const betaPerson = await signIn('demo2-sagsbehandler');
    await request(server.app).get(`/api/v1/submissions/${beta.body.submission.id}`).set(bearer(betaPerson)).expect(200);
  });

  it('follows a key rotation at the provider without restarting the API', async () => {
    const server = app();
    const before = await signIn('demo2-leder');
    await request(server.app).get('/api/v1/submissions').set(bearer(before)).expect(200);
    await idp.rotateKeys();
    const after = await signIn('demo2-leder');
    expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
    await request(server.app).get('/api/v1/submissions').set(bearer(after)).expect(200);
    // The previous key stays published for a while: tokens issued before the rotation still verify.
    await request(server.app).get('/api/v1/submissions').set(bearer(before)).expect(200);
  });
});
