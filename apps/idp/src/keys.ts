import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** A private signing key as a JWK with its `kid`, `alg` and `use` set. */
export type SigningJwk = JWK & { kid: string; alg: string };

/** A new RS256 signing key (generated at start: nothing secret is kept on disk). */
export async function newSigningKey(alg = 'RS256'): Promise<SigningJwk> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg, use: 'sig' };
}

/** The public half of a private JWK (for tests that need the verification key). */
export function publicJwk(key: SigningJwk): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = key;
  return rest;
}
