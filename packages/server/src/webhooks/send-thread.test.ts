import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SenderThread } from './send-thread.js';

/** A thread's nice value from `/proc/self/task/<tid>/stat` (field 19). */
const niceOf = (tid: number): number =>
  Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);

describe('SenderThread', () => {
  it.runIf(process.platform === 'linux')(
    'runs below the API’s priority (nice 10 by default), leaving the API’s own threads as they were',
    async () => {
      const thread = new SenderThread().warm();
      const kept = new SenderThread(0).warm();
      try {
        await Promise.all([thread.ready(), kept.ready()]);
        expect(thread.threadId).toBeGreaterThan(0);
        expect(niceOf(thread.threadId!)).toBe(Math.min(19, niceOf(process.pid) + 10));
        expect(kept.threadId).toBeUndefined();
      } finally {
        await Promise.all([thread.close(), kept.close()]);
      }
    },
    30_000,
  );

  it('sends signed webhooks and returns each result to its caller, in batches', async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(req.headers['webhook-id'] === 'm-3' ? 500 : 204).end());
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const thread = new SenderThread().warm();
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          thread.send(
            url,
            { id: `m-${i}`, body: '{}', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
            { allowPrivate: true, timeoutMs: 5_000, now: new Date() },
          ),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([204, 204, 204, 500, 204, 204]);
      await thread.close();
      expect(
        await thread.send(
          url,
          { id: 'late', body: '{}', secret: 'x' },
          { allowPrivate: true, timeoutMs: 1, now: new Date() },
        ),
      ).toEqual({
        error: 'the sender thread is stopped',
      });
    } finally {
      await thread.close();
      server.closeAllConnections();
      server.close();
    }
  }, 30_000);
});
