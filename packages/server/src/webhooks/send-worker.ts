// The sender thread (issue #15): signs and POSTs webhooks off the API's event loop.
import { parentPort } from 'node:worker_threads';
import type { ResultBatch, SendBatch } from './send-protocol.js';
import { sendWebhook } from './send.js';

const port = parentPort;
if (!port) throw new Error('send-worker runs as a worker thread');

let pending: NonNullable<ResultBatch['results']> = [];
let flushing = false;

/** Results that arrive in one turn of the loop go back in one message. */
function flushSoon(): void {
  if (flushing) return;
  flushing = true;
  setImmediate(() => {
    flushing = false;
    const results = pending;
    pending = [];
    port?.postMessage({ results } satisfies ResultBatch);
  });
}

port.on('message', (batch: SendBatch) => {
  for (const job of batch.jobs) {
    void sendWebhook(job.url, job.message, { allowPrivate: job.allowPrivate, timeoutMs: job.timeoutMs, now: job.now })
      .catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }))
      .then((result) => {
        pending.push([job.n, result]);
        flushSoon();
      });
  }
});

// Loaded: the dispatcher may rely on it now.
port.postMessage({ ready: true } satisfies ResultBatch);
