import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllApis, startApi, type RunningApi } from '../api/api-process.js';
import { writeHookForm } from './form.js';
import { headers, subscribe, TestReceiver, waitFor } from './receiver.js';

/** Issue #15: a receiver that is down for a while gets everything, in order per submission; one that fails forever ends as failed and can be replayed. */
const root = mkdtempSync(join(tmpdir(), 'skema-delivery-outage-'));
const schemasDir = join(root, 'schemas');
writeHookForm(schemasDir);
const FAST = {
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_RETRY_MAX_DELAY_MS: '400',
  WEBHOOK_POLL_MS: '50',
  RATE_LIMIT_MAX: '1000000',
};
const apis: RunningApi[] = [];

afterAll(async () => {
  for (const api of apis) api.child.kill('SIGTERM');
  killAllApis();
  rmSync(root, { recursive: true, force: true });
});

async function createAndChange(base: string, n: number): Promise<string> {
  const created = await fetch(`${base}/api/v1/submissions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ formId: 'hooktest', version: '1.0.0', status: 'draft', data: { n } }),
  });
  const id = ((await created.json()) as { submission: { id: string } }).submission.id;
  const submitted = await fetch(`${base}/api/v1/submissions/${id}/status`, {
    method: 'POST',
    headers: { ...headers, 'If-Match': '*' },
    body: JSON.stringify({ status: 'submitted' }),
  });
  expect(submitted.status, await submitted.clone().text()).toBe(200);
  return id;
}

describe('webhook receivers that are down', () => {
  it('a receiver down for a while, then up, gets every event, in order per submission', async () => {
    const receiver = new TestReceiver();
    const url = await receiver.start();
    const api = await startApi({ ...FAST, DATA_DIR: join(root, 'down'), SKEMA_SCHEMAS_DIR: schemasDir });
    apis.push(api);
    try {
      await subscribe(api.base, url);
      let down = true;
      receiver.answer = () => (down ? 503 : undefined);
      const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => createAndChange(api.base, i)));
      await new Promise((r) => setTimeout(r, 1500));
      expect(receiver.received).toEqual([]);
      down = false;
      const expected = [
        'submission.created',
        'submission.status-changed',
        'submission.submitted',
        'submission.document-ready',
      ];
      await waitFor(
        () => ids.every((id) => receiver.eventsOf(id).length === expected.length),
        30_000,
        'every event after the outage',
      );
      for (const id of ids) expect(receiver.eventsOf(id)).toEqual(expected);
    } finally {
      await receiver.close();
    }
  }, 60_000);

  it('a receiver that answers 500 forever ends as failed, listed by the admin API, and a replay delivers it', async () => {
    const receiver = new TestReceiver();
    const url = await receiver.start();
    const api = await startApi({
      ...FAST,
      WEBHOOK_RETRY_MAX_AGE_MS: '1500',
      DATA_DIR: join(root, 'failing'),
      SKEMA_SCHEMAS_DIR: schemasDir,
    });
    apis.push(api);
    try {
      await subscribe(api.base, url, 'receiver', { events: ['submission.created'] });
      let failing = true;
      receiver.answer = () => (failing ? 500 : undefined);
      const created = await fetch(`${api.base}/api/v1/submissions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ formId: 'hooktest', version: '1.0.0', status: 'draft', data: { n: 1 } }),
      });
      const id = ((await created.json()) as { submission: { id: string } }).submission.id;
      type Page = {
        items: Array<{ id: string; submissionId: string; status: string; attempts: number; lastStatusCode?: number }>;
      };
      let failed: Page['items'] = [];
      const poll = async () => {
        failed = (
          (await (await fetch(`${api.base}/api/v1/admin/deliveries?status=failed`, { headers })).json()) as Page
        ).items;
      };
      for (let i = 0; i < 400 && failed.length === 0; i++) {
        await poll();
        if (!failed.length) await new Promise((r) => setTimeout(r, 50));
      }
      expect(failed).toEqual([expect.objectContaining({ submissionId: id, status: 'failed', lastStatusCode: 500 })]);
      expect(failed[0]!.attempts).toBeGreaterThan(1);
      expect(receiver.received).toEqual([]);

      failing = false;
      const retried = await fetch(`${api.base}/api/v1/admin/deliveries/${failed[0]!.id}/retry`, {
        method: 'POST',
        headers,
      });
      expect(retried.status).toBe(202);
      await waitFor(() => receiver.received.length === 1, 10_000, 'the replayed delivery');
      expect(receiver.received[0]).toMatchObject({ type: 'submission.created', submissionId: id });
      const other = await fetch(`${api.base}/api/v1/admin/deliveries/${failed[0]!.id}/retry`, {
        method: 'POST',
        headers: { ...headers, Authorization: 'Bearer skema-dev-key-2' },
      });
      expect(other.status).toBe(404);
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
