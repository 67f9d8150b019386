import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium, startApi, type Running } from './harness.js';

/** The demo portal signs a person in through the real development provider (Authorization Code + PKCE). */
let server: Running;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startApi({ signIn: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sign-in at the demo portal', () => {
  it('signs in as a sagsbehandler of Demo, shows name, role and municipality, calls the API with the token, and signs out', async () => {
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${server.url}/api/v1/submissions`)) apiCalls.push(r.headers().authorization ?? '');
    });
    await page.goto(`${server.url}/`);
    await page.getByLabel('Kommune').selectOption({ label: 'Demo' });
    await page.getByRole('button', { name: 'Log ind' }).click();

    // The provider's login page: a labelled radio group, operated by keyboard only.
    await page.waitForURL(`${server.idp!.issuer('demo')}/interaction/**`);
    await page.getByRole('group', { name: 'Demobruger' }).waitFor();
    await page.getByLabel('Signe Sagsbehandler (sagsbehandler)').focus();
    await page.keyboard.press('Space');
    await page.screenshot({ path: artifactPath('idp-login.png') });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // Back at the demo: the code is exchanged and gone from the address bar.
    await page.waitForURL(`${server.url}/`);
    const who = page.getByLabel('Logget ind');
    await who.getByText('Signe Sagsbehandler').waitFor();
    expect(await who.textContent()).toContain('(sagsbehandler, Demo)');
    expect(page.url()).not.toContain('code=');
    await page.screenshot({ path: artifactPath('demo-signed-in.png') });

    // API calls now carry the person's access token (a JWT), not the development key.
    await page.goto(`${server.url}/#/submissions`);
    await expect.poll(() => apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.at(-1)).toMatch(/^Bearer eyJ/);

    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: 'Ja, log mig ud' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(await page.getByLabel('Logget ind').count()).toBe(0);
  });
});
