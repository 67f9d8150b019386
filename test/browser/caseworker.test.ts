import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { getSubmission } from './demo-flow.js';
import { artifactPath, embedDist, useBrowserSession } from './harness.js';

// A caseworker's day in Danish Chromium (issue #17): numbers typed the Danish way, the front page
// of a municipality with an overlay, the embed as a portal loads it.
const session = useBrowserSession();

async function useKey(key: string): Promise<void> {
  await session.page.goto(`${session.server.url}/`);
  await session.page.evaluate((k) => localStorage.setItem('skema-demo-api-key', k), key);
}

describe('numbers typed the Danish way', () => {
  it('the leveranceaftale keeps «6,5» timer as 6.5 (not 65), and text it cannot read stays with an error at the field', async () => {
    const p = session.page;
    await useKey('skema-dev-key');
    await p.goto(`${session.server.url}/#/forms/leveranceaftale/1.1.0`);
    await p.locator('.skema-form-body form').waitFor();
    const list = p.locator('[data-pointer="/aktiviteter"]').first();
    // The activities are on one of the form's steps.
    const steps = p.locator('.skema-step');
    for (let i = 0; i < (await steps.count()) && !(await list.isVisible()); i++) await steps.nth(i).click();
    await list.waitFor();
    if (!(await p.locator('#skema-field__aktiviteter__0__timer').count()))
      await list
        .getByRole('button', { name: /^Tilføj/ })
        .last()
        .click();
    const timer = p.locator('#skema-field__aktiviteter__0__timer');
    await timer.fill('6,5,5');
    await timer.press('Tab');
    await expect
      .poll(() => p.locator('#skema-field__aktiviteter__0__timer-error').textContent())
      .toContain('«Timer» skal være et tal');
    expect(await timer.inputValue()).toBe('6,5,5');
    await timer.fill('6,5');
    await timer.press('Tab');
    await expect.poll(() => p.locator('#skema-field__aktiviteter__0__timer-error').count()).toBe(0);
    const honorar = p.locator('#skema-field__aktiviteter__0__honorar');
    await honorar.fill('1250.5');
    await honorar.press('Tab');
    await expect.poll(() => honorar.inputValue()).toBe('1.250,50');
    await p.getByRole('button', { name: 'Gem kladde' }).click();
    const link = p.getByRole('link', { name: 'Se indsendelsen og dens historik' });
    await link.waitFor();
    const id = decodeURIComponent((await link.getAttribute('href'))!.split('/').pop()!);
    const stored = await getSubmission(session.server.url, id);
    const activity = (stored.data.aktiviteter as Array<Record<string, unknown>>)[0]!;
    expect(activity.timer).toBe(6.5);
    expect(activity.honorar).toBe(1250.5);
    await expect.poll(() => p.getByText('Kladde gemt').count()).toBeGreaterThan(0);
    await timer.scrollIntoViewIfNeeded();
    await p.screenshot({ path: artifactPath('leveranceaftale-decimal-comma.png') });
  });
});

describe('the front page of a municipality with an overlay', () => {
  for (const [tenant, key, version] of [
    ['nordby', 'skema-dev-key-nordby', '1.0.0'],
    ['ringsted', 'skema-dev-key-ringsted', '2.1.1'],
  ] as const) {
    it(`${tenant} opens its aftaleskema from the front page (version ${version}, its own title)`, async () => {
      const p = session.page;
      await useKey(key);
      await p.goto(`${session.server.url}/`);
      const link = p.locator('a[data-form="aftaleskema"]');
      await link.waitFor();
      expect(await link.textContent()).toContain(`(version ${version})`);
      await p.screenshot({ path: artifactPath(`front-page-${tenant}.png`), fullPage: true });
      await link.click();
      await p.locator('.skema-form-body form').waitFor();
      expect(await p.getByText('Formularen kunne ikke hentes.').count()).toBe(0);
      expect(await p.locator('.skema-form-body').getAttribute('data-version')).toBe(version);
    });
  }

  it('says the versions’ status in Danish, with no English words on the page', async () => {
    const p = session.page;
    await useKey('skema-dev-key');
    await p.goto(`${session.server.url}/`);
    await p.locator('a[data-form="underretning"]').waitFor();
    const text = (await p.locator('main').textContent()) ?? '';
    expect(text).toContain('(udgivet)');
    expect(text).not.toMatch(/\b(published|deprecated|draft)\b/);
    expect(await seriousViolations(p)).toEqual([]);
  });
});

describe('the embed as a portal loads it', () => {
  const manifest = () =>
    JSON.parse(readFileSync(resolve(embedDist, 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string; integrity: string }
    >;

  it('is served brotli- or gzip-compressed by Accept-Encoding, under a versioned immutable address with its SRI hash', async () => {
    const { file, integrity } = manifest()['skema-form.js']!;
    const versioned = await fetch(`${session.server.url}/embed/${file}`, { headers: { 'Accept-Encoding': 'br' } });
    expect(versioned.headers.get('content-encoding')).toBe('br');
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(versioned.headers.get('vary')).toMatch(/Accept-Encoding/);
    const alias = await fetch(`${session.server.url}/embed/skema-form.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(alias.headers.get('content-encoding')).toBe('gzip');
    expect(alias.headers.get('cache-control')).toBe('public, max-age=300');
    // The page loads the versioned script with integrity; a wrong hash would block it.
    const p = session.page;
    await p.goto(`${session.server.url}/plain.html`);
    await p.evaluate(
      ({ src, hash }) =>
        new Promise<void>((ok, fail) => {
          const s = document.createElement('script');
          s.src = src;
          s.integrity = hash;
          s.crossOrigin = 'anonymous';
          s.onload = () => ok();
          s.onerror = () => fail(new Error('integrity check failed'));
          document.head.append(s);
        }),
      { src: `/embed/${file}`, hash: integrity },
    );
  });

  it('inherits the page’s font and leaves out its own heading when asked', async () => {
    const p = session.page;
    await p.goto(`${session.server.url}/plain.html`);
    await p.locator('#portal-field__faktuelleOplysninger').waitFor();
    const inForm = () =>
      p.locator('skema-form').evaluate((el) => {
        const root = el.shadowRoot!;
        return {
          font: getComputedStyle(root.querySelector('.skema-form')!).fontFamily,
          heading: root.querySelectorAll('.skema-title').length,
          label: root.querySelector('form')?.getAttribute('aria-label'),
        };
      });
    const before = await inForm();
    expect(before.heading).toBe(1);
    await p.evaluate(() => {
      document.body.style.fontFamily = 'Georgia, serif';
      const el = document.querySelector('skema-form')!;
      el.setAttribute('inherit-font', '');
      el.setAttribute('no-heading', '');
    });
    await expect.poll(async () => (await inForm()).heading).toBe(0);
    const after = await inForm();
    expect(after.font).toBe('Georgia, serif');
    expect(after.label).toBeTruthy();
    await p.screenshot({ path: artifactPath('embed-inherit-font-no-heading.png'), fullPage: true });
  });
});
