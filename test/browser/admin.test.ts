import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { artifactPath, useBrowserSession } from './harness.js';

const RINGSTED_KEY = 'skema-dev-key-ringsted';

const session = useBrowserSession(async ({ page, server }) => {
  // The demo keeps the chosen API key in localStorage; Ringsted's development key has the admin role.
  await page.goto(`${server.url}/`);
  await page.evaluate((key) => localStorage.setItem('skema-demo-api-key', key), RINGSTED_KEY);
});

async function tenantView(formId: string): Promise<{ title: { da: string }; hash: string }> {
  const res = await fetch(`${session.server.url}/api/v1/forms/${formId}/versions/latest`, { headers: { Authorization: `Bearer ${RINGSTED_KEY}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { title: { da: string }; hash: string };
}

describe('form configuration page (admin role)', () => {
  it('edits an overlay with a live preview and diff, publishes it, and the API serves the new effective form', async () => {
    const before = await tenantView('underretning');
    await session.page.goto(`${session.server.url}/#/admin`);
    await session.page.getByLabel('Grundformular').selectOption('underretning');
    const editor = session.page.getByLabel('Overlay (JSON)');
    await expect.poll(async () => (await editor.inputValue()).length).toBeGreaterThan(10);
    const overlay = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
    expect(overlay).toMatchObject({ formId: 'underretning', tenantId: 'ringsted' });

    // Broken JSON is announced at the editor and marks it invalid.
    await editor.fill('{ "formId": ');
    await expect.poll(() => editor.getAttribute('aria-invalid')).toBe('true');
    expect(await session.page.locator('#overlay-json-error').textContent()).not.toBe('');

    await editor.fill(JSON.stringify({ ...overlay, title: { da: 'Underretning (Ringsted)', en: 'Notification of concern (Ringsted)' } }, null, 2));
    const preview = session.page.locator('section[aria-labelledby=preview-title]');
    await expect.poll(() => preview.locator('p.muted[role=status]').textContent(), { timeout: 10_000 }).toContain('Forhåndsvisningen er opdateret');
    await preview.locator('.preview-form input, .preview-form textarea, .preview-form select').first().waitFor();
    expect(await preview.locator('.diff').textContent()).toMatch(/title|titel/i);
    await session.page.screenshot({ path: artifactPath('admin-preview.png'), fullPage: true });
    expect(await seriousViolations(session.page)).toEqual([]);

    await session.page.getByRole('button', { name: 'Gem og udgiv' }).click();
    await expect.poll(() => session.page.locator('.config-actions [role=status], .config-actions [role=alert]').first().textContent(), { timeout: 10_000 }).toMatch(/udgivet/);
    const row = session.page.locator(`tr[data-config="overlay/underretning/${String(overlay.version)}"]`);
    await expect.poll(() => row.textContent()).toContain('Udgivet');

    // The published version is immutable: the editor moves on to the next patch version.
    await expect.poll(async () => (JSON.parse(await editor.inputValue()) as { version: string }).version).not.toBe(overlay.version);

    const after = await tenantView('underretning');
    expect(after.title.da).toBe('Underretning (Ringsted)');
    expect(after.hash).not.toBe(before.hash);
  });

  it('shows a refusal with its problems when publishing an overlay that breaks the rules', async () => {
    // A fresh load: the skeleton then takes the next free version after the one published above.
    await session.page.goto(`${session.server.url}/#/admin`);
    await session.page.reload();
    await session.page.getByLabel('Grundformular').selectOption('underretning');
    const editor = session.page.getByLabel('Overlay (JSON)');
    await expect.poll(async () => (await editor.inputValue()).length).toBeGreaterThan(10);
    const overlay = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
    // Lowering a legal error rule to a warning is never allowed (spec §8).
    await editor.fill(JSON.stringify({ ...overlay, ruleOptions: { 'UND-02': { severity: 'warning' } } }, null, 2));
    await session.page.getByRole('button', { name: 'Gem og udgiv' }).click();
    const refusal = session.page.locator('.config-actions [role=alert]');
    await expect.poll(() => refusal.textContent(), { timeout: 10_000 }).toContain('UND-02');
    expect(await refusal.getByRole('heading', { name: 'Afvist' }).count()).toBe(1);
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it('tells a key without the admin role that it lacks it', async () => {
    const other = await session.browser.newPage({ locale: 'da-DK' });
    await other.goto(`${session.server.url}/`);
    await other.evaluate(() => localStorage.setItem('skema-demo-api-key', 'skema-dev-key-leder'));
    await other.goto(`${session.server.url}/#/admin`);
    await expect.poll(() => other.locator('main [role=alert]').textContent()).toContain('admin');
    await other.close();
  });
});
