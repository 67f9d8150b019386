import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllApis, startApi, type RunningApi } from '../api/api-process.js';
import { writeHookForm } from '../delivery/form.js';
import { headers, subscribe, TestReceiver, waitFor } from '../delivery/receiver.js';
import { seriousViolations } from './axe.js';
import { artifactPath, launchChromium } from './harness.js';

// Issue #15: the demo admin's deliveries page (the failed-jobs screen). The API runs as `npm start`
// does (its own process, with the dispatcher), retrying fast and giving up after 1.5 s.
const root = mkdtempSync(join(tmpdir(), 'skema-browser-deliveries-'));
const schemasDir = join(root, 'schemas');
writeHookForm(schemasDir);
const FAST = {
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_RETRY_MAX_DELAY_MS: '400',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_RETRY_MAX_AGE_MS: '1500',
  RATE_LIMIT_MAX: '1000000',
};

let api: RunningApi;
let browser: Browser;
const receiver = new TestReceiver();

beforeAll(async () => {
  api = await startApi({ ...FAST, DATA_DIR: join(root, 'data'), SKEMA_SCHEMAS_DIR: schemasDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  api?.child.kill('SIGTERM');
  killAllApis();
  await receiver.close();
  rmSync(root, { recursive: true, force: true });
});

describe('demo admin: deliveries (#15)', () => {
  it('lists subscriptions and a failed delivery, replays it after a confirmation once the receiver is back, announces the result; axe 0', async () => {
    const url = await receiver.start();
    let failing = true;
    receiver.answer = () => (failing ? 500 : undefined);
    await subscribe(api.base, url, 'esdh', { events: ['submission.created'] });
    const created = await fetch(`${api.base}/api/v1/submissions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ formId: 'hooktest', version: '1.0.0', status: 'draft', data: { n: 1 } }),
    });
    const id = ((await created.json()) as { submission: { id: string } }).submission.id;
    let failed = 0;
    for (let i = 0; i < 400 && failed === 0; i++) {
      failed = (
        (await (await fetch(`${api.base}/api/v1/admin/deliveries?status=failed`, { headers })).json()) as {
          items: unknown[];
        }
      ).items.length;
      if (!failed) await new Promise((r) => setTimeout(r, 50));
    }
    expect(failed).toBe(1);

    const p = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
    // The demo's usual path: the development key, which has the admin role.
    await p.goto(`${api.base}/#/leveringer`);
    await p.getByRole('heading', { name: 'Leveringer til kommunens systemer' }).waitFor();
    const subscriptions = p.getByRole('table', { name: 'Abonnementer' });
    expect(await subscriptions.locator('tr[data-subscription="esdh"]').textContent()).toContain('Indsendelse oprettet');
    const failedTable = p.getByRole('table', { name: /Fejlede leveringer/ });
    const row = failedTable.locator('tr[data-delivery]');
    expect(await row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain('Indsendelse oprettet');
    expect(text).toContain(id);
    expect(text).toContain('Modtageren svarede 500');
    expect(await seriousViolations(p)).toEqual([]);

    // «Fortryd» sends nothing and puts focus back on the button.
    await row.getByRole('button', { name: 'Send igen' }).click();
    await row.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent)).toBe('Send igen');

    failing = false;
    await row.getByRole('button', { name: 'Send igen' }).click();
    const yes = row.getByRole('button', { name: 'Ja, send igen' });
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent)).toBe('Ja, send igen');
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: artifactPath('deliveries-confirm.png'), fullPage: true });
    await yes.click();
    const live = p.locator('p[role="status"][aria-live="polite"]');
    await expect.poll(() => live.textContent()).toContain('er sat i kø og sendes nu');
    await waitFor(() => receiver.received.length === 1, 10_000, 'the replayed delivery');
    expect(receiver.received[0]).toMatchObject({ type: 'submission.created', submissionId: id });

    await p.getByRole('button', { name: 'Opdatér' }).click();
    await p.getByText('Ingen fejlede leveringer.').waitFor();
    expect(await seriousViolations(p)).toEqual([]);
    await p.close();
  }, 90_000);
});
