import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { ServerConfig } from '../config/server-config.js';

/** The test issuer of tenant `alpha` (its keys are served on a local port; the issuer URL is a name only). */
export const PERSON_ISSUER = 'https://idp.test/alpha';
export const PERSON_AUDIENCE = 'urn:skema:test';

/**
 * Signed-in people for the server's tests: a local OpenID issuer (an RSA key whose JWKS is served
 * on 127.0.0.1) configured for tenant `alpha`, and real RS256 access tokens for any subject,
 * name and Skema roles. Tests of the whole sign-in use the development provider (`test/api`).
 */
export interface PersonTokens {
  /** The configuration with tenant `alpha` trusting the issuer. */
  config(base: ServerConfig): ServerConfig;
  /** `Authorization: Bearer <token>` for a person of tenant alpha. */
  as(subject: string, roles: string[], name?: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

export async function startPersonTokens(): Promise<PersonTokens> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  const sign = (claims: Record<string, unknown>, key: CryptoKey) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-1', typ: 'at+jwt' })
      .setIssuer(PERSON_ISSUER)
      .setAudience(PERSON_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
  return {
    config(base) {
      return {
        ...base,
        tenants: base.tenants.map((t) =>
          t.id === 'alpha'
            ? { ...t, oidc: { issuers: [{ issuer: PERSON_ISSUER, audience: PERSON_AUDIENCE, jwksUri }] } }
            : t,
        ),
      };
    },
    async as(subject, roles, name) {
      return { Authorization: `Bearer ${await sign({ sub: subject, roles, ...(name ? { name } : {}) }, privateKey)}` };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
