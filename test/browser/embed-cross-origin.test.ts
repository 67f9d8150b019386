import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SkemaFormChange, SkemaFormError, SubmissionWriteResult } from '@skema/react';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, getSubmission, OBSERVATIONS, underretningWithoutObservations } from './demo-flow.js';
import { artifactPath, DEV_KEY, launchChromium, startApi, type Running } from './harness.js';
import { personToken } from './people.js';

/**
 * A municipal portal on its OWN origin (another port of 127.0.0.1: another origin to the browser),
 * embedding the form as packages/embed/README.md says: the script and the API both come from the
 * Skema API's origin. `?submission=<id>` continues a stored draft, `?token=` sets the element's
 * token (a signed-in person's access token; the development key otherwise). The page records the element's events.
 */
async function startPortal(apiUrl: () => string): Promise<Running> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://portal');
    if (url.pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    const api = apiUrl();
    const submission = url.searchParams.get('submission');
    const submissionAttr = submission && /^[\w-]+$/.test(submission) ? ` submission="${submission}"` : '';
    const given = url.searchParams.get('token');
    const token = given && /^[\w.-]+$/.test(given) ? given : DEV_KEY;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <title>Portal på eget domæne</title>
    <script src="${api}/embed/skema-form.js" defer></script>
  </head>
  <body>
    <skema-form id="underretning" form="underretning" version="1.0.0" api="${api}" token="${token}" locale="da" id-prefix="portal"${submissionAttr}></skema-form>
    <script>
      window.events = [];
      window.details = {};
      for (const type of ['skema-submitted', 'skema-error', 'skema-change']) {
        document.getElementById('underretning').addEventListener(type, (event) => {
          window.events.push(type);
          window.details[type] = JSON.parse(JSON.stringify(event.detail));
        });
      }
    </script>
  </body>
</html>`);
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

const events = (p: Page) => p.evaluate(() => (window as unknown as { events: string[] }).events);
/** Each event's last detail as the page kept it (a JSON copy). */
interface EventDetails {
  'skema-submitted'?: SubmissionWriteResult;
  'skema-change'?: SkemaFormChange;
  'skema-error'?: SkemaFormError;
}
const details = (p: Page) => p.evaluate(() => (window as unknown as { details: EventDetails }).details);

let api: Running;
/** Its origin is in the API's corsOrigins. */
let allowed: Running;
/** Its origin is not. */
let stranger: Running;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  allowed = await startPortal(() => api.url);
  stranger = await startPortal(() => api.url);
  api = await startApi({ corsOrigins: [allowed.url], signIn: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await allowed?.close();
  await stranger?.close();
});

describe('<skema-form> on a portal of another origin', () => {
  it('loads the script from the API (CORP cross-origin) and the form through CORS', async () => {
    expect(new URL(allowed.url).origin).not.toBe(new URL(api.url).origin);
    await page.goto(`${allowed.url}/`);
    await page.locator('#portal-field__faktuelleOplysninger').waitFor();
    const scripts = await page.evaluate(() =>
      [...document.scripts].filter((s) => s.src).map((s) => new URL(s.src).origin),
    );
    expect(scripts).toEqual([api.url]);
    expect(await events(page)).not.toContain('skema-error');
  });

  it('continues a draft and submits it: PUT and status change pass their preflights (If-Match), and the ETag is readable', async () => {
    const id = await createDraft(api.url, { ...underretningWithoutObservations(), iagttagelser: OBSERVATIONS });
    // Sending an underretning is the fagkonsulent's co-signature (UND-03): a signed-in person's token, not a key.
    const token = await personToken(api, 'demo-fagkonsulent');
    await page.goto(`${allowed.url}/?submission=${id}&token=${token}`);
    const observations = page.locator('#portal-field__iagttagelser');
    await expect.poll(() => observations.inputValue()).toBe(OBSERVATIONS);
    await page.locator('skema-form').getByRole('button', { name: 'Indsend' }).click();
    await expect.poll(() => events(page)).toContain('skema-submitted');
    await page.screenshot({ path: artifactPath('embed-cross-origin-submitted.png'), fullPage: true });
    expect(await events(page)).not.toContain('skema-error');
    const submitted = (await details(page))['skema-submitted'];
    expect(submitted).toMatchObject({ submission: { id, status: 'submitted' }, receipt: { formId: 'underretning' } });
    // Only readable because the API exposes ETag to the portal's origin.
    expect(submitted?.etag).toBeTruthy();
    const stored = await getSubmission(api.url, id);
    expect(stored.status).toBe('submitted');
    expect(stored.approvals).toEqual([
      expect.objectContaining({ subject: 'demo-fagkonsulent', kind: 'person', role: 'fagkonsulent' }),
    ]);
  });

  it("the portal's own script may create a submission (Idempotency-Key) and read Location, ETag and RateLimit", async () => {
    const answer = await page.evaluate(
      async ({ base, key }) => {
        const res = await fetch(`${base}/api/v1/submissions`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${key}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': 'cross-origin-1',
            'Accept-Language': 'en',
          },
          body: JSON.stringify({ formId: 'underretning', version: '1.0.0', data: {}, status: 'draft' }),
        });
        return {
          status: res.status,
          location: res.headers.get('Location'),
          etag: res.headers.get('ETag'),
          rateLimit: res.headers.get('RateLimit'),
        };
      },
      { base: api.url, key: DEV_KEY },
    );
    expect(answer.status).toBe(201);
    expect(answer.location).toMatch(/^\/api\/v1\/submissions\/.+/);
    expect(answer.etag).toBeTruthy();
    expect(answer.rateLimit).toMatch(/^limit=/);
  });

  it('a portal whose origin is not allowed gets the script but no answer from the API: the element reports skema-error', async () => {
    await page.goto(`${stranger.url}/`);
    // The script itself loads (it is public); the browser withholds the API's answers.
    await expect.poll(() => page.evaluate(() => customElements.get('skema-form') !== undefined)).toBe(true);
    await expect.poll(() => events(page)).toContain('skema-error');
    expect((await details(page))['skema-error']).toMatchObject({ kind: 'load', message: expect.any(String) });
    expect(await page.locator('#portal-field__faktuelleOplysninger').count()).toBe(0);
    await page.screenshot({ path: artifactPath('embed-cross-origin-refused.png'), fullPage: true });
  });
});
