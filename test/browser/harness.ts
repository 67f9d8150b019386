import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStandardEngine, loadStandardRegistry, loadTenantForms } from '@skema/forms';
import { startDevIdp, type DevIdp } from '@skema/idp';
import { createApp, createLogger, devConfig } from '@skema/server';
import { examplePortalBackend } from '@skema/server/testing';
import { createFileBlobStore, createLowdbStore } from '@skema/store-lowdb';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const demoDist = resolve(repoRoot, 'apps/demo/dist');
export const embedDist = resolve(repoRoot, 'packages/embed/dist');
export const artifactsDir = resolve(here, 'artifacts');

export const DEV_KEY = 'skema-dev-key';
/** The reference date the examples are written for. */
export const TODAY = '2026-06-01';

/** The six core forms of the platform (spec §8). */
export const CORE_FORMS = [
  'henvendelsesskema',
  'raadgivningslog',
  'leveranceaftale',
  'underretning',
  'evalueringsskema',
  'indsatsplan',
] as const;

export interface Running {
  url: string;
  /** The development OpenID Provider, when started with `signIn`. */
  idp?: DevIdp;
  close(): Promise<void>;
}

export interface ApiOptions {
  /** Portal origins allowed to call the API from the browser (`corsOrigins`); default none. */
  corsOrigins?: string[];
  /** Folders to serve instead of the built demo and embed (e.g. an app built from the packed packages). */
  staticDirs?: Record<string, string>;
  /** Also start the development OpenID Provider (apps/idp), as `npm start` does, for sign-in at the demo. */
  signIn?: boolean;
  /** Another folder of form versions than `schemas/` (a test's own forms). */
  schemasDir?: string;
}

/** The real API on an ephemeral port of 127.0.0.1, with a temporary embedded store, serving the built demo and embed. */
export async function startApi(options: ApiOptions = {}): Promise<Running> {
  const staticDirs = options.staticDirs ?? { '/': demoDist, '/embed': embedDist };
  for (const [what, dir] of options.staticDirs
    ? []
    : ([
        ['apps/demo/dist (npm run build -w @skema/demo)', resolve(demoDist, 'index.html')],
        ['packages/embed/dist/skema-form.js (npm run build -w @skema/embed)', resolve(embedDist, 'skema-form.js')],
      ] as const)) {
    if (!existsSync(dir)) throw new Error(`Browser tests need the built ${what}; run the build first.`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'skema-browser-'));
  const engine = createStandardEngine();
  const registry = options.schemasDir ? loadStandardRegistry(options.schemasDir) : loadStandardRegistry();
  const store = createLowdbStore({ dataDir });
  await store.init();
  // Listening first: the provider must know the demo's address (its redirect URI) and the API the provider's.
  const server = createServer();
  await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail).listen(0, '127.0.0.1'));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const idp = options.signIn ? await startDevIdp({ redirectUris: [`${url}/`] }) : undefined;
  const app = createApp({
    engine,
    registry,
    tenantForms: options.schemasDir
      ? loadTenantForms(registry, engine, options.schemasDir)
      : loadTenantForms(registry, engine),
    store,
    // The embedded store also keeps tenants' form configuration and cases, as in `npm start`.
    formConfigStore: store,
    caseStore: store,
    // Attachments as files under the data folder, as in `npm start`.
    blobStore: createFileBlobStore(dataDir),
    config: {
      ...devConfig(idp ? { idpUrl: idp.url } : {}),
      ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    },
    logger: createLogger({ level: 'silent' }),
    staticDirs,
  });
  // /plain.html gets its embed session from this stand-in for a portal's backend (holding the key).
  const portal = examplePortalBackend({ apiUrl: () => url, key: DEV_KEY });
  server.on('request', (req, res) => void (portal(req, res) || app(req, res)));
  await assertCspAllowsAjv(url);
  return {
    url,
    ...(idp ? { idp } : {}),
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await idp?.close();
      await (store as { close?: () => Promise<void> }).close?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The form validates in the browser with Ajv, which compiles validators with `new Function`: a page
 * whose CSP forbids that cannot show a single form. Say so plainly instead of timing out on a blank page.
 */
async function assertCspAllowsAjv(url: string): Promise<void> {
  const csp = (await fetch(`${url}/`)).headers.get('content-security-policy');
  const scriptSrc =
    csp
      ?.split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src ')) ??
    csp
      ?.split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('default-src '));
  if (scriptSrc && !scriptSrc.includes("'unsafe-eval'")) {
    throw new Error(
      `The API's Content-Security-Policy (${scriptSrc}) forbids 'unsafe-eval', so Ajv cannot compile the form's validators in the browser ` +
        "and no form renders. The pages the API serves (demo, plain.html) need script-src 'self' 'unsafe-eval' (the page policy in packages/server/src/http/security-headers.ts).",
    );
  }
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium, headless. Missing Chromium fails the run with a message saying how to get it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH; ` +
        'the browser tests are part of the test suite and do not skip.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export function artifactPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return resolve(artifactsDir, name);
}

/** Authorised API call from the test (not the browser). */
export async function api<T>(base: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${DEV_KEY}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface BrowserSession {
  server: Running;
  browser: Browser;
  /** One page in Danish at 1280×900, shared by the file's tests. */
  page: Page;
}

/**
 * Registers the file's beforeAll/afterAll: the real API, Chromium and a page; `prepare` runs once
 * after. `options.signIn` also starts the development provider, so `prepare` can sign a person in.
 */
export function useBrowserSession(
  prepare?: (session: BrowserSession) => Promise<void>,
  options: ApiOptions = {},
): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.server = await startApi(options);
    session.browser = await launchChromium();
    session.page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
    await prepare?.(session);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
