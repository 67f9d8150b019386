import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchiveReceiver } from '@skema/archive-receiver';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllApis, startApi } from '../api/api-process.js';
import { writeHookForm } from './form.js';
import { headers, KEY, SECRET, subscribe, waitFor } from './receiver.js';

const root = mkdtempSync(join(tmpdir(), 'skema-archive-e2e-'));
const schemasDir = join(root, 'schemas');
writeHookForm(schemasDir);

afterAll(() => {
  killAllApis();
  rmSync(root, { recursive: true, force: true });
});

describe('apps/archive-receiver (the ESDH pattern)', () => {
  it('verifies the webhook, fetches the document with its own key and files it per submission', async () => {
    const archiveDir = join(root, 'archive');
    const receiver = createArchiveReceiver({ dir: archiveDir, secret: SECRET, apiKey: KEY });
    await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
    const api = await startApi({
      DATA_DIR: join(root, 'data'),
      SKEMA_SCHEMAS_DIR: schemasDir,
      WEBHOOK_POLL_MS: '50',
      WEBHOOK_RETRY_BASE_MS: '100',
    });
    try {
      // The links in payloads point at PUBLIC_URL; here the API's own address.
      await subscribe(api.base, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/skema`, 'esdh', {
        archive: true,
        events: ['submission.document-ready'],
      });
      const res = await fetch(`${api.base}/api/v1/submissions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ formId: 'hooktest', version: '1.0.0', status: 'submitted', data: { n: 7 } }),
      });
      const id = ((await res.json()) as { submission: { id: string } }).submission.id;
      const file = join(archiveDir, 'uden-sag', id, 'r1.pdf');
      await waitFor(() => existsSync(file), 20_000, 'the filed document');
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const delivered = (await (
        await fetch(`${api.base}/api/v1/admin/deliveries?status=delivered`, { headers })
      ).json()) as { items: Array<{ submissionId: string; archive: boolean }> };
      expect(delivered.items).toEqual([expect.objectContaining({ submissionId: id, archive: true })]);
    } finally {
      api.child.kill('SIGTERM');
      await new Promise((ok) => receiver.close(ok));
    }
  }, 60_000);
});
