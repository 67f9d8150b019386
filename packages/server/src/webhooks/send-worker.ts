// The sender thread (issue #15): signs and POSTs webhooks off the API's event loop.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { ResultBatch, SendBatch, SenderThreadData } from './send-protocol.js';
import { sendWebhook, type SendResult } from './send.js';

const port = parentPort;
if (!port) throw new Error('send-worker runs as a worker thread');

/**
 * Deliveries are background work: on Linux this thread lowers its own scheduling priority (a
 * thread's nice value is its own there), so when the cores are busy the API's requests come first
 * and deliveries take what is left. Elsewhere it keeps the process's priority.
 */
function lowerPriority(nice: number): number | undefined {
  if (nice <= 0) return undefined;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid)) return undefined;
    // Relative to where the process runs (it may be niced already); 19 is the lowest.
    setPriority(tid, Math.min(19, getPriority(tid) + nice));
    return tid;
  } catch {
    return undefined;
  }
}
const tid = lowerPriority((workerData as SenderThreadData | undefined)?.nice ?? 0);

let pending: NonNullable<ResultBatch['results']> = [];
let inFlight = 0;
let timer: NodeJS.Timeout | undefined;

function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  const results = pending;
  pending = [];
  if (results.length) port?.postMessage({ results } satisfies ResultBatch);
}

/**
 * Results go back in batches: at once when nothing else is in flight, else within `BATCH_MS`, so
 * the answers to a batch of sends cost the API's thread one message, not one each.
 */
const BATCH_MS = 5;
function settled(n: number, result: SendResult): void {
  inFlight--;
  pending.push([n, result]);
  if (inFlight === 0) flush();
  else timer ??= setTimeout(flush, BATCH_MS);
}

port.on('message', (batch: SendBatch) => {
  for (const job of batch.jobs) {
    inFlight++;
    void sendWebhook(job.url, job.message, { allowPrivate: job.allowPrivate, timeoutMs: job.timeoutMs, now: job.now })
      .catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }))
      .then((result) => settled(job.n, result));
  }
});

// Loaded: the dispatcher may rely on it now.
port.postMessage({ ready: true, ...(tid !== undefined ? { tid } : {}) } satisfies ResultBatch);
