import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { fillThroughUi } from './fill-form.js';
import { api, artifactPath, launchChromium, repoRoot, startApi, type Running } from './harness.js';
import { signInAtDemo, signOutAtDemo } from './people.js';

/**
 * Issue #14, people not keys: a sagsbehandler signs in and drafts an underretning of the newest
 * version, signs out; a fagkonsulent signs in, co-signs with «Medunderskriv» and sends it. The
 * API's history shows both people: the creator and the co-signer, each by their own subject.
 */
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

interface Revision {
  revision: number;
  action: string;
  by: string;
  approvals?: Array<{ actorId: string; actorName?: string; subject?: string; kind?: string; role: string }>;
}

describe('an underretning drafted by a sagsbehandler and co-signed by a fagkonsulent, both signed in', () => {
  it('Signe drafts 1.1.0, Frederik co-signs and sends it; the revisions show both people', async () => {
    const dir = resolve(repoRoot, 'schemas/underretning/1.1.0');
    const schema = JSON.parse(readFileSync(resolve(dir, 'schema.json'), 'utf8'));
    const { data } = JSON.parse(
      readFileSync(resolve(dir, 'examples/valid/kommune-sendt-medunderskrevet.json'), 'utf8'),
    );

    await page.goto(`${server.url}/#/forms/underretning/1.1.0`);
    await signInAtDemo(page, server, 'Signe Sagsbehandler (sagsbehandler)');
    await page.goto(`${server.url}/#/forms/underretning/1.1.0`);
    await page.reload();
    await page.locator('#skema-field__type').waitFor();
    await fillThroughUi(page, schema, data);
    // Signe holds no fagkonsulent role: the block says it is not co-signed and offers her no button.
    const block = page.getByRole('region', { name: 'Medunderskrift (fagkonsulent)' });
    expect(await block.textContent()).toContain('Ikke medunderskrevet endnu.');
    expect(await block.getByRole('button').count()).toBe(0);
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    const link = page.locator('.next-steps a').first();
    await link.waitFor();
    const id = decodeURIComponent((await link.getAttribute('href'))!.replace('#/submissions/', ''));

    await signOutAtDemo(page, server);
    await page.goto(`${server.url}/#/forms/underretning/1.1.0?submission=${encodeURIComponent(id)}`);
    await signInAtDemo(page, server, 'Frederik Fagkonsulent (fagkonsulent)');
    await page.goto(`${server.url}/#/forms/underretning/1.1.0?submission=${encodeURIComponent(id)}`);
    await page.reload();
    const cosign = block.getByRole('button', { name: 'Medunderskriv' });
    await cosign.waitFor();
    // Keyboard: the button is reached and pressed like any other.
    await cosign.focus();
    await page.keyboard.press('Enter');
    await block.getByText('Din medunderskrift er registreret.').waitFor();
    expect(await block.textContent()).toMatch(/Medunderskrevet af Frederik Fagkonsulent \(fagkonsulent\), \d/);
    expect(await block.getByRole('button', { name: 'Medunderskriv' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('underretning-medunderskrevet.png'), fullPage: true });

    await page.getByRole('button', { name: 'Indsend' }).click();
    const receipt = page.locator('.skema-receipt');
    await receipt.getByText(`Kvitteringsnummer: ${id}`).waitFor();
    expect(await receipt.textContent()).toContain('Godkendt af Frederik Fagkonsulent (fagkonsulent)');

    const stored = await api<{ status: string; createdBy: string; approvals: Revision['approvals'] }>(
      server.url,
      `/submissions/${id}`,
    );
    expect(stored.status).toBe('submitted');
    expect(stored.createdBy).toBe('oidc:demo-sagsbehandler');
    expect(stored.approvals).toEqual([
      expect.objectContaining({
        actorId: 'oidc:demo-fagkonsulent',
        actorName: 'Frederik Fagkonsulent',
        subject: 'demo-fagkonsulent',
        kind: 'person',
        role: 'fagkonsulent',
      }),
    ]);
    const { items } = await api<{ items: Revision[] }>(server.url, `/submissions/${id}/revisions`);
    expect(items.find((r) => r.action === 'create')?.by).toBe('oidc:demo-sagsbehandler');
    const approval = items.find((r) => r.action === 'approval');
    expect(approval?.by).toBe('oidc:demo-fagkonsulent');
    expect(approval?.approvals).toContainEqual(
      expect.objectContaining({ subject: 'demo-fagkonsulent', kind: 'person', role: 'fagkonsulent' }),
    );
    expect(items.find((r) => r.action === 'status')?.by).toBe('oidc:demo-fagkonsulent');
  });
});
