import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInAs, startDevIdp } from '@skema/idp';
import { createApp, createLogger, devConfig, DEV_KEYS } from '@skema/server';
import { createLowdbStore } from '@skema/store-lowdb';
import { measure, subject, type Measured } from './api.js';

const ROUNDS = 3;

/**
 * The validate endpoint with an OIDC access token (a JWT from the development provider, its JWKS
 * cached after the first request) against the same with an API key. Target: JWT ≥ 0.95× key.
 */
export default async function authBench(): Promise<void> {
  const { engine, registry, form, data } = subject();
  const idp = await startDevIdp({ redirectUris: ['http://127.0.0.1:1/'] });
  const dataDir = mkdtempSync(join(tmpdir(), 'skema-bench-auth-'));
  const store = createLowdbStore({ dataDir });
  await store.init();
  const config = { ...devConfig({ idpUrl: idp.url }), rateLimit: { windowMs: 60_000, limit: 10_000_000 } };
  const app = createApp({ engine, registry, store, config, logger: createLogger({ level: 'warn' }) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/forms/${form.manifest.id}/versions/${form.manifest.version}/validate`;
  const body = JSON.stringify({ data });
  try {
    const { accessToken } = await signInAs(idp, 'demo-sagsbehandler', 'http://127.0.0.1:1/');
    // Warm the JWKS cache (the first JWT fetches it) and check both credentials are accepted.
    for (const token of [accessToken, DEV_KEYS.demo]) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      if (res.status !== 200)
        throw new Error(`validate with ${token === DEV_KEYS.demo ? 'key' : 'JWT'}: HTTP ${res.status}`);
    }
    const rounds: Array<[Measured, Measured]> = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push([
        await measure('validate, API key', url, body, { authorization: `Bearer ${DEV_KEYS.demo}` }),
        await measure('validate, OIDC JWT', url, body, { authorization: `Bearer ${accessToken}` }),
      ]);
    }
    const line = (r: Measured) =>
      `  ${r.name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms${r.non2xx ? `   (${r.non2xx} non-2xx/errors)` : ''}`;
    const ratios = rounds.map(([key, jwt]) => jwt.rps / key.rps);
    rounds.forEach(([key, jwt], i) => {
      console.log(`round ${i + 1}:`);
      console.log(line(key));
      console.log(`${line(jwt)}   (${ratios[i]!.toFixed(3)}× key)`);
    });
    const ratio = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)]!;
    console.log(
      `  JWT / API key = ${ratio.toFixed(3)}× (median of ${ROUNDS} rounds; target ≥ 0.95×) ${ratio >= 0.95 ? 'OK' : 'BELOW TARGET'}`,
    );
  } finally {
    await new Promise((r) => server.close(r));
    await idp.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
