import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import type { FormRegistry, FormVersion, SkemaEngine } from '@skema/core';
import { createStandardEngine, loadStandardRegistry } from '@skema/forms';
import { createApp, createLogger, devConfig, DEV_KEYS } from '@skema/server';
import { fixtureData, fixtureEngine, fixtureRegistry } from '@skema/server/testing';
import { createLowdbStore } from '@skema/store-lowdb';

const DURATION_S = 5;
const ROUNDS = 3;
const CONNECTIONS = 10;

interface Subject {
  engine: SkemaEngine;
  registry: FormRegistry;
  form: FormVersion;
  data: unknown;
}

/** A real underretning example (about 1 KB) when the forms load, else the server's fixture form. */
export function subject(): Subject {
  try {
    const registry = loadStandardRegistry();
    const form = registry.resolve('underretning', 'latest');
    const example =
      form.examples?.valid.find((e) => e.name === 'kommune-sendt-medunderskrevet') ?? form.examples?.valid[0];
    if (example) return { engine: createStandardEngine(), registry, form, data: example.data };
  } catch {
    // fall through to the fixture
  }
  const registry = fixtureRegistry();
  return { engine: fixtureEngine(), registry, form: registry.resolve('fixture', '1.0.0'), data: fixtureData() };
}

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

export interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

export async function measure(
  name: string,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Measured> {
  const result = await autocannon({
    url,
    method: 'POST',
    // The load generator runs in its own thread: on the servers' event loop it would take the
    // CPU the server under test needs, and measure the client as much as the server.
    workers: 1,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

/** Requests/s and latency of the validate endpoint and of POST /submissions, beside a bare Express + Ajv app. */
export default async function bench(): Promise<void> {
  const { engine, registry, form, data } = subject();
  const formId = form.manifest.id;
  const version = form.manifest.version;
  const compiled = engine.compile(form);
  const validateBody = JSON.stringify({ data });
  console.log(
    `API bench: ${formId}@${version}, body ${Buffer.byteLength(validateBody)} bytes, ${CONNECTIONS} connections, ${DURATION_S} s each`,
  );

  const bare = express();
  bare.use(express.json({ limit: '1mb' }));
  bare.post('/validate', (req, res) => {
    const valid = compiled.validateSchema((req.body as { data: unknown }).data);
    res.json({ valid, errors: compiled.validateSchema.errors ?? [] });
  });

  const dataDir = mkdtempSync(join(tmpdir(), 'skema-bench-'));
  const store = createLowdbStore({ dataDir });
  await store.init();
  // The validate rounds run without a key, so the anonymous per-address limit is lifted too.
  const config = {
    ...devConfig(),
    rateLimit: { windowMs: 60_000, limit: 10_000_000 },
    anonymousRateLimit: { windowMs: 60_000, limit: 10_000_000 },
  };
  const app = createApp({ engine, registry, store, config, logger: createLogger({ level: 'warn' }) });

  const bareServer = await listen(bare);
  const apiServer = await listen(app);
  try {
    // Bare and validate alternate over several rounds, so a burst of load elsewhere on the machine
    // hits both alike; the ratio reported is the median of the rounds' ratios.
    const validateUrl = `${apiServer.url}/api/v1/forms/${formId}/versions/${version}/validate`;
    const rounds: Array<[Measured, Measured]> = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push([
        await measure('bare Express + Ajv', `${bareServer.url}/validate`, validateBody),
        await measure('POST …/validate', validateUrl, validateBody),
      ]);
    }
    const submissions = await measure(
      'POST /submissions (lowdb)',
      `${apiServer.url}/api/v1/submissions`,
      // A draft: this form is created as a draft and then sent (created as submitted it answers 409).
      JSON.stringify({ formId, version, status: 'draft', data }),
      {
        authorization: `Bearer ${DEV_KEYS.demo}`,
      },
    );
    const line = (r: Measured) =>
      `  ${r.name.padEnd(28)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms${r.non2xx ? `   (${r.non2xx} non-2xx/errors)` : ''}`;
    const ratios = rounds.map(([bareRun, validateRun]) => validateRun.rps / bareRun.rps);
    rounds.forEach(([bareRun, validateRun], i) => {
      console.log(`round ${i + 1}:`);
      console.log(line(bareRun));
      console.log(`${line(validateRun)}   (${ratios[i]!.toFixed(2)}× bare)`);
    });
    console.log(line(submissions));
    const ratio = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)]!;
    console.log(
      `  validate / bare = ${ratio.toFixed(2)}× (median of ${ROUNDS} rounds; target ≥ 0.70×) ${ratio >= 0.7 ? 'OK' : 'BELOW TARGET'}`,
    );
  } finally {
    await new Promise((r) => apiServer.server.close(r));
    await new Promise((r) => bareServer.server.close(r));
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
