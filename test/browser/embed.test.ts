import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, getSubmission, OBSERVATIONS, underretningWithoutObservations } from './demo-flow.js';
import { artifactPath, launchChromium, startApi, type Running } from './harness.js';

let server: Running;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startApi();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The element focused inside the web component's shadow root. */
const focusedInForm = (p: Page) => p.evaluate(() => document.querySelector('skema-form')?.shadowRoot?.activeElement?.id);

describe('plain HTML portal (web component only)', () => {
  it('renders <skema-form> from the one script, with no React or build step on the page', async () => {
    await page.goto(`${server.url}/plain.html`);
    await page.locator('#portal-field__faktuelleOplysninger').waitFor();
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src).pathname));
    expect(scripts).toEqual(['/embed/skema-form.js', '/plain.js']);
    expect(await page.evaluate(() => 'React' in window)).toBe(false);
    // The portal's colour reaches the form through the --skema-color-primary custom property.
    const colour = await page.locator('skema-form').evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('button[type=submit]')!).backgroundColor);
    expect(colour).toBe('rgb(45, 90, 39)');
  });

  it('fills the underretning, shows UND-02, fixes it, submits; the page gets skema-submitted and the API has it', async () => {
    const id = await createDraft(server.url, underretningWithoutObservations());
    await page.goto(`${server.url}/plain.html`);
    await page.locator('#portal-field__faktuelleOplysninger').waitFor();
    // The host page continues the saved draft by setting an attribute.
    await page.evaluate((sid) => {
      const el = document.querySelector('skema-form')!;
      (window as unknown as { events: string[] }).events = [];
      for (const type of ['skema-submitted', 'skema-error', 'skema-change']) el.addEventListener(type, () => (window as unknown as { events: string[] }).events.push(type));
      el.setAttribute('submission', sid);
    }, id);
    const facts = page.locator('#portal-field__faktuelleOplysninger');
    await expect.poll(() => facts.inputValue()).toContain('40 % fravær');
    await facts.press('End');
    await facts.pressSequentially(' Fraværet er registreret dagligt.');

    await page.locator('skema-form').getByRole('button', { name: 'Indsend' }).click();
    const link = page.locator('.skema-error-summary li[data-code="UND-02"] a');
    await link.waitFor();
    expect(await page.locator('#portal-field__iagttagelser').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: artifactPath('plain-underretning-error.png'), fullPage: true });

    await link.click();
    expect(await focusedInForm(page)).toBe('portal-field__iagttagelser');
    await page.keyboard.type(OBSERVATIONS);
    await expect.poll(() => page.locator('#portal-field__iagttagelser').getAttribute('aria-invalid')).toBeNull();
    await page.locator('skema-form').getByRole('button', { name: 'Indsend' }).click();

    await expect.poll(() => page.locator('#portal-status').getAttribute('data-submission-id')).toBe(id);
    const events = await page.evaluate(() => (window as unknown as { events: string[] }).events);
    expect(events).toContain('skema-error');
    expect(events).toContain('skema-change');
    expect(events.at(-1)).toBe('skema-submitted');
    const stored = await getSubmission(server.url, id);
    expect(stored.status).toBe('submitted');
    expect(stored.data.iagttagelser).toBe(OBSERVATIONS);
  });
});
