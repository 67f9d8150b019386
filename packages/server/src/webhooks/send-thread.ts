import { Worker } from 'node:worker_threads';
import type { ResultBatch, SendJob, SenderThreadData } from './send-protocol.js';
import type { SendResult, SignedMessage } from './send.js';

/** How a dispatcher sends one signed webhook (`sendWebhook`, or a `SenderThread`'s `send`). */
export type WebhookSender = (
  url: string,
  message: SignedMessage,
  options: { allowPrivate: boolean; timeoutMs: number; now: Date },
) => Promise<SendResult>;

// Under vitest the sources run as TypeScript: the worker then registers tsx before loading its module.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./send-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
const WORKER_SCRIPT: [string | URL, { eval?: boolean }] = FROM_SOURCE
  ? [
      `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`,
      { eval: true },
    ]
  : [WORKER_URL, {}];

/**
 * Sends webhooks from a worker thread: signing, the HTTP exchange and its socket writes (the
 * largest items in a profile of the dispatcher) leave the API's event loop, which keeps only the
 * claims and the outcome writes. Jobs and results cross in batches. A thread that dies fails the
 * attempts it held (they are retried like any failed attempt) and is replaced on the next send.
 */
export class SenderThread {
  private worker: Worker | undefined;
  private nextN = 1;
  private readonly waiting = new Map<number, (result: SendResult) => void>();
  private outgoing: SendJob[] = [];
  private flushing = false;
  private closed = false;
  private loaded: Promise<void> = Promise.resolve();
  /** The thread's id once it has lowered its priority (Linux), for tests and diagnostics. */
  threadId: number | undefined;

  /** @param nice niceness the thread adds to itself (default 10; 0 keeps the API's priority). */
  constructor(private readonly nice = 10) {}

  readonly send: WebhookSender = (url, message, options) => {
    if (this.closed) return Promise.resolve({ error: 'the sender thread is stopped' });
    const n = this.nextN++;
    return new Promise<SendResult>((resolve) => {
      this.waiting.set(n, resolve);
      this.outgoing.push({
        n,
        url,
        message,
        allowPrivate: options.allowPrivate,
        timeoutMs: options.timeoutMs,
        now: options.now,
      });
      this.flushSoon();
    });
  };

  /** Starts the thread now, so the first webhooks do not wait for it to load. */
  warm(): this {
    if (!this.closed) this.ensureWorker();
    return this;
  }

  /** Settles when the thread has loaded (or failed to: its sends then fail and are retried). */
  ready(): Promise<void> {
    return this.loaded;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll('the sender thread is stopped');
    await worker?.terminate();
  }

  private flushSoon(): void {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      this.flushing = false;
      const jobs = this.outgoing;
      this.outgoing = [];
      if (!jobs.length) return;
      const worker = this.ensureWorker();
      worker.ref();
      worker.postMessage({ jobs });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const workerData: SenderThreadData = { nice: this.nice };
    const worker = new Worker(WORKER_SCRIPT[0], { ...WORKER_SCRIPT[1], workerData });
    let markLoaded: () => void = () => undefined;
    this.loaded = new Promise<void>((resolve) => (markLoaded = resolve));
    worker.on('message', (batch: ResultBatch) => {
      if (batch.ready) {
        this.threadId = batch.tid;
        markLoaded();
      }
      for (const [n, result] of batch.results ?? []) {
        this.waiting.get(n)?.(result);
        this.waiting.delete(n);
      }
      // An idle thread must not keep the process alive.
      if (this.waiting.size === 0) worker.unref();
    });
    const lost = (why: string) => {
      markLoaded();
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(why);
    };
    worker.on('error', (e) => lost(`the sender thread failed: ${e.message}`));
    worker.on('exit', (code) => lost(`the sender thread exited (${code})`));
    // Until it holds sends it must not keep the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: string): void {
    for (const resolve of this.waiting.values()) resolve({ error });
    this.waiting.clear();
  }
}
