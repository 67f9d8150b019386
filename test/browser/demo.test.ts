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

describe('demo portal (React component)', () => {
  it('fills the underretning, shows UND-02 in the summary and at the field, fixes it, submits, and the API has it', async () => {
    const id = await createDraft(server.url, underretningWithoutObservations());
    await page.goto(`${server.url}/#/forms/underretning/1.0.0?submission=${id}`);
    const facts = page.locator('#skema-field__faktuelleOplysninger');
    await facts.waitFor();
    // Typing in the demo (the draft holds the rest of a realistic case).
    await facts.press('End');
    await facts.pressSequentially(' Skolen har registreret fraværet dagligt.');

    await page.getByRole('button', { name: 'Indsend' }).click();
    const summary = page.locator('.skema-error-summary[role="alert"]');
    await expect.poll(() => summary.textContent()).toContain('Iagttagelser');
    const link = summary.locator('li[data-code="UND-02"] a');
    expect(await link.getAttribute('href')).toBe('#skema-field__iagttagelser');
    const field = page.locator('#skema-field__iagttagelser');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
    expect(describedBy).toContain('skema-field__iagttagelser-error');
    expect(await page.locator('#skema-field__iagttagelser-error').textContent()).toContain(await link.textContent());
    await page.screenshot({ path: artifactPath('demo-underretning-error.png'), fullPage: true });

    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skema-field__iagttagelser');
    await page.keyboard.type(OBSERVATIONS);
    await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'Indsend' }).click();
    await page.getByText(`Kvitteringsnummer: ${id}`).waitFor();

    const stored = await getSubmission(server.url, id);
    expect(stored.status).toBe('submitted');
    expect(stored.data.iagttagelser).toBe(OBSERVATIONS);
    expect(String(stored.data.faktuelleOplysninger)).toMatch(/Skolen har registreret fraværet dagligt\.$/);
  });

  it('lists the submission with its status, shows its revisions and prints it as a document', async () => {
    await page.goto(`${server.url}/#/submissions?status=submitted`);
    const row = page.locator('tr[data-submission]').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Indsendt');
    await row.locator('a').click();
    await page.getByRole('heading', { name: 'Historik' }).waitFor();
    expect(await page.locator('.revisions li').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('link', { name: 'Udskriftsvenlig version' }).click();
    await page.locator('.print-document').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.skema-receipt').isVisible()).toBe(true);
    await page.pdf({ path: artifactPath('demo-print.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
  });
});
