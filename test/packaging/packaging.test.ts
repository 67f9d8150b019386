import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSubmission } from '../browser/demo-flow.js';
import { fillThroughUi } from '../browser/fill-form.js';
import { artifactPath, launchChromium, repoRoot, startApi, type Running } from '../browser/harness.js';
import { buildApp, command, createApp, installApp, installedCopies, type CommandResult } from './fresh-app.js';
import { packWorkspaces, type Tarball } from './pack.js';
import { APP_PACKAGES, publicWorkspaces, workspaces } from './workspaces.js';

// What the fresh app's page (template/src/main.tsx) puts on window for these checks.
declare global {
  interface Window {
    skemaChange?: { data?: Record<string, unknown> };
    skemaDraftId?: string;
  }
}

// A portal developer's path: the packages as npm would publish them, installed into fresh React 18
// and React 19 apps (never linked from the repository), built, served and used in a browser.

const REACTS = ['18', '19'] as const;
type React = (typeof REACTS)[number];
const SINGLETONS = ['react', 'react-dom', '@jsonforms/core', '@jsonforms/react'];
/** Peers of the public packages: the host app's copy, never a second one of ours. */
const HOST_PROVIDED = ['react', 'react-dom', '@jsonforms/core', '@jsonforms/react', '@jsonforms/vanilla-renderers'];
const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network/i;

const work = mkdtempSync(join(tmpdir(), 'skema-packaging-'));
const appDir = (react: React) => join(work, `react${react}`);
let tarballs: Tarball[] = [];
const installs = new Map<React, CommandResult>();
let server: Running | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  const started = Date.now();
  mkdirSync(join(work, 'pack'));
  tarballs = await packWorkspaces(publicWorkspaces(), join(work, 'pack'));
  const packed = Date.now();
  const forApp = tarballs.filter((t) => APP_PACKAGES.includes(t.name)).map((t) => t.file);
  // Both apps at once: the installs wait on the network more than on the two cores.
  await Promise.all(
    REACTS.map(async (react) => {
      createApp(appDir(react));
      installs.set(react, await installApp(appDir(react), forApp, react));
    }),
  );
  const installed = Date.now();
  const ok = REACTS.filter((r) => installs.get(r)?.code === 0);
  await Promise.all(ok.map((r) => buildApp(appDir(r))));
  if (ok.length) {
    server = await startApi({ staticDirs: Object.fromEntries(ok.map((r) => [`/react${r}`, join(appDir(r), 'dist')])) });
    browser = await launchChromium();
  }
  const ms = (a: number, b: number) => `${((b - a) / 1000).toFixed(1)} s`;
  console.log(
    `packaging: packed ${tarballs.length} packages in ${ms(started, packed)}; installed ${REACTS.map((r) => `React ${r} in ${((installs.get(r)?.ms ?? 0) / 1000).toFixed(1)} s`).join(', ')} ` +
      `(${ms(packed, installed)} together); built and started in ${ms(installed, Date.now())}`,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * The app's install, or a skip when the registry cannot be reached outside CI. Under CI, and for
 * any other failure (a peer conflict, a missing package), the test fails with npm's own words.
 */
function requireInstalled(react: React, skip: (note: string) => void): void {
  const result = installs.get(react);
  if (result?.code === 0) return;
  const output = result?.output ?? 'not run';
  if (!process.env.CI && NETWORK_ERROR.test(output)) skip(`npm registry unreachable: ${output.slice(0, 200)}`);
  throw new Error(`npm install in the React ${react} app failed (exit ${result?.code}):\n${output}`);
}

/** The host-provided packages that the JavaScript below `dist` imports (`react/jsx-runtime` counts as `react`). */
function hostImports(dist: string): Set<string> {
  const found = new Set<string>();
  const visit = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (e.name.endsWith('.js') && !e.name.includes('.test.')) {
        for (const m of readFileSync(path, 'utf8').matchAll(
          /\bfrom\s*["']((?:@jsonforms\/)?[a-z-]+)(?:\/[^"']*)?["']/g,
        )) {
          if (HOST_PROVIDED.includes(m[1]!)) found.add(m[1]!);
        }
      }
    }
  };
  visit(dist);
  return found;
}

describe('the public packages', () => {
  it('are publishable: public access, a license, the repository, a README, version ranges for each other', () => {
    const all = workspaces();
    const versions = new Map(all.map((w) => [w.manifest.name, w.manifest.version]));
    const open = publicWorkspaces();
    // The apps and the test suites stay private; everything else is published.
    const isApp = (dir: string) => dir.startsWith('apps/') || dir === 'test';
    expect(
      all
        .filter((w) => w.manifest.private)
        .map((w) => w.dir)
        .sort(),
    ).toEqual(
      all
        .map((w) => w.dir)
        .filter(isApp)
        .sort(),
    );
    expect(open.map((w) => w.dir).filter(isApp)).toEqual([]);
    for (const { dir, manifest: m } of open) {
      expect(m.publishConfig?.access, dir).toBe('public');
      expect(m.license, dir).toBeTruthy();
      expect(m.repository?.directory, dir).toBe(dir);
      for (const [name, range] of Object.entries({ ...m.dependencies, ...m.peerDependencies })) {
        if (!name.startsWith('@skema/')) continue;
        // "*" would let the public registry's package of that name in (dependency confusion).
        expect(range, `${dir}: ${name}`).toBe(`^${versions.get(name)}`);
      }
    }
  });

  it('leave React and JSON Forms to the host app: peers with both React 18 and 19, never dependencies', () => {
    for (const { dir, manifest: m } of publicWorkspaces()) {
      for (const name of HOST_PROVIDED) expect(m.dependencies?.[name], `${dir} depends on ${name}`).toBeUndefined();
      // What the built code imports of them, the package declares as a peer.
      for (const name of hostImports(resolve(repoRoot, dir, 'dist')))
        expect(m.peerDependencies?.[name], `${dir} imports ${name}: a peer`).toBeTruthy();
      for (const name of ['react', 'react-dom']) {
        if (m.peerDependencies?.[name]) expect(m.peerDependencies[name], `${dir}: ${name}`).toBe('^18.2.0 || ^19.0.0');
      }
    }
  });

  it('pack only what a user needs: dist, README and package.json; no tests, test helpers or sources', () => {
    expect(tarballs.map((t) => t.name).sort()).toEqual(
      publicWorkspaces()
        .map((w) => w.manifest.name)
        .sort(),
    );
    for (const t of tarballs) {
      const m = publicWorkspaces().find((w) => w.manifest.name === t.name)!.manifest;
      expect(t.files, t.name).toContain('README.md');
      expect(
        t.files.filter((f) => !/^(dist\/|bin\/|README\.md$|package\.json$|LICENSE$)/.test(f)),
        t.name,
      ).toEqual([]);
      expect(
        t.files.filter((f) => /\.test\.|test-helpers|test-forms|(^|\/)fixtures\/|(^|\/)test\//.test(f)),
        t.name,
      ).toEqual([]);
      // What package.json points at is in the tarball.
      const targets = [
        m.main,
        m.types,
        ...Object.values(m.exports ?? {}).flatMap((e) => [e.types, e.default]),
        ...Object.values(m.bin ?? {}),
      ];
      for (const target of targets.filter((x): x is string => !!x))
        expect(t.files, `${t.name}: ${target}`).toContain(target.replace(/^\.\//, ''));
    }
  });
});

describe.each(REACTS)('a fresh React %s app with the tarballs installed', (react) => {
  it('got every @skema package from the tarballs and one copy of React and JSON Forms', ({ skip }) => {
    requireInstalled(react, skip);
    const lock = join(appDir(react), 'package-lock.json');
    const ours = JSON.parse(readFileSync(lock, 'utf8')) as { packages: Record<string, { resolved?: string }> };
    for (const [path, p] of Object.entries(ours.packages)) {
      if (/(^|\/)node_modules\/@skema\/[^/]+$/.test(path)) expect(p.resolved, path).toMatch(/^file:/);
    }
    for (const name of SINGLETONS)
      expect(
        installedCopies(lock, name).map((c) => c.path),
        name,
      ).toEqual([`node_modules/${name}`]);
    expect(installedCopies(lock, 'react')[0]!.version).toMatch(new RegExp(`^${react}\\.`));
  });

  it('renders the underretning; «Drøftelse med leder» stores leder and dato separately, host CSS does not leak in', async ({
    skip,
  }) => {
    requireInstalled(react, skip);
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${server!.url}/react${react}/`);
      await page
        .locator('.skema-form-body form')
        .waitFor({ timeout: 30_000 })
        .catch(() => {
          throw new Error(`no form on the React ${react} page; page errors: ${errors.join(' | ') || 'none'}`);
        });
      expect(await page.locator('#react-version').textContent()).toMatch(new RegExp(`^${react}\\.`));
      const schema = JSON.parse(readFileSync(resolve(repoRoot, 'schemas/underretning/1.0.0/schema.json'), 'utf8'));
      const typed = { lederDroeftelse: { leder: 'Mette Hansen', dato: '2026-05-20' } };
      // The section is shown for an underretning to Ankestyrelsen.
      await fillThroughUi(page, schema, { type: 'Underretning til Ankestyrelsen', ...typed });
      const changed = () => page.evaluate(() => window.skemaChange?.data?.['lederDroeftelse']);
      await page
        .waitForFunction(
          (want) => JSON.stringify(window.skemaChange?.data?.['lederDroeftelse']) === want,
          JSON.stringify(typed.lederDroeftelse),
          { timeout: 5_000 },
        )
        .catch(() => undefined);
      expect(await changed()).toEqual(typed.lederDroeftelse);
      // The host centres #root; the form keeps its own start alignment.
      const label = page.locator('label[for="skema-field__lederDroeftelse__leder"]');
      expect(await label.evaluate((el) => getComputedStyle(el).textAlign)).toBe('start');
      // And the draft the form posts holds both values at their own places.
      await page.getByRole('button', { name: 'Gem kladde' }).click();
      const id = await page
        .waitForFunction(() => window.skemaDraftId, undefined, { timeout: 10_000 })
        .then((h) => h.jsonValue());
      expect((await getSubmission(server!.url, id!)).data['lederDroeftelse']).toEqual(typed.lederDroeftelse);
      expect(errors).toEqual([]);
    } catch (e) {
      await page.screenshot({ path: artifactPath(`packaging-react${react}.png`), fullPage: true });
      throw e;
    } finally {
      await page.close();
    }
  });

  it('runs the CLI from the installed @skema/cli: npx skema --help', async ({ skip }) => {
    requireInstalled(react, skip);
    const r = await command('npx', ['--no', '--', 'skema', '--help'], appDir(react));
    expect(r.output).toContain('Usage: skema <command>');
    expect(r.code).toBe(0);
  });
});
