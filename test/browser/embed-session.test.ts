import { describe, expect, it } from 'vitest';
import { DEV_KEY, useBrowserSession } from './harness.js';

const session = useBrowserSession();

describe('/plain.html embeds with an embed session, never a key', () => {
  it("gets a short-lived token from the portal's backend; the page holds no API key; the token reaches only its form", async () => {
    const { page, server } = session;
    const html = await (await fetch(`${server.url}/plain.html`)).text();
    const script = await (await fetch(`${server.url}/plain.js`)).text();
    expect(html + script).not.toContain(DEV_KEY);
    await page.goto(`${server.url}/plain.html`);
    await page.locator('#portal-field__faktuelleOplysninger').waitFor();
    await expect.poll(() => page.locator('skema-form').getAttribute('token')).toMatch(/^skema_es_/);
    const t = (await page.locator('skema-form').getAttribute('token'))!;
    const get = (path: string) => fetch(`${server.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${t}` } });
    expect((await get('/forms/underretning/versions/1.0.0')).status).toBe(200);
    expect((await get('/forms/henvendelsesskema/versions/1.0.0')).status).toBe(403);
    expect((await get('/submissions')).status).toBe(403);
  });
});
