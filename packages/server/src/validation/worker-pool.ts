import { Worker } from 'node:worker_threads';
import type { FormVersion, ValidationResult } from '@skema/core';
import type { EngineFactorySpec } from './engine-factory.js';
import type { PlainValidateOptions, ValidationJob, ValidationReply } from './worker-protocol.js';

export interface WorkerPoolOptions {
  engine: EngineFactorySpec;
  /** Workers (default 2). */
  size?: number;
  /** A validation still running after this long is stopped: its worker is terminated and replaced (default 1000 ms). */
  deadlineMs?: number;
  /** Heap of one worker (default 256 MB); a runaway that allocates ends there, not in the server. */
  maxOldGenerationSizeMb?: number;
  /** Validations waiting for a worker; more are refused at once (default 64). */
  maxQueue?: number;
}

/** Why an untrusted validation got no answer: it overran, the queue was full, or the worker died. */
export class ValidationUnavailableError extends Error {
  override readonly name = 'ValidationUnavailableError';
  constructor(readonly reason: 'deadline' | 'queue-full' | 'worker-failed') {
    super(`Validation unavailable: ${reason}`);
  }
}

interface Pending {
  job: Omit<ValidationJob, 'id' | 'form'>;
  form: FormVersion;
  resolve(result: ValidationResult | undefined): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Settles when the worker has loaded its engine (or failed to). */
  ready: Promise<void>;
  markReady: () => void;
  /** Content hashes this worker has compiled. */
  known: Set<string>;
  current?: { id: number; pending: Pending; timer: NodeJS.Timeout } | undefined;
}

const STARTUP_MS = 30_000;
// Under vitest the sources run as TypeScript: the worker then registers tsx before loading its module.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./validation-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
const WORKER_SCRIPT: [string | URL, { eval?: boolean }] = FROM_SOURCE
  ? [
      `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`,
      { eval: true },
    ]
  : [WORKER_URL, {}];

/**
 * A small pool of `worker_threads` for validating untrusted forms, each with a heap limit and a
 * deadline per validation. Workers start on first use; a worker that overruns or dies is
 * terminated (a new one starts for the next validation), and its request is rejected with
 * `ValidationUnavailableError`.
 */
export class ValidationWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  readonly deadlineMs: number;

  constructor(private readonly options: WorkerPoolOptions) {
    this.deadlineMs = options.deadlineMs ?? 1000;
  }

  validate(form: FormVersion, data: unknown, options: PlainValidateOptions): Promise<ValidationResult> {
    return this.run(form, { hash: form.hash, data, options }) as Promise<ValidationResult>;
  }

  /** Compiles the form on a worker's untrusted Ajv (the publish check): rejects with the compile error, or on overrun. */
  async compile(form: FormVersion): Promise<void> {
    await this.run(form, {
      hash: form.hash,
      compileOnly: true,
      data: null,
      options: { locale: 'en', mode: 'draft', now: new Date(0).toISOString() },
    });
  }

  /**
   * Starts the workers now, so the first untrusted validation does not wait for one to load its
   * engine; settles when every worker has loaded it (a failed worker settles too, and is replaced on use).
   */
  warm(): Promise<void> {
    while (this.slots.length < (this.options.size ?? 2)) this.slots.push(this.spawn());
    return Promise.all(this.slots.map((s) => s.ready)).then(() => undefined);
  }

  private run(form: FormVersion, job: Pending['job']): Promise<ValidationResult | undefined> {
    return new Promise((resolve, reject) => {
      const pending: Pending = { job, form, resolve, reject };
      const idle = this.idleSlot();
      if (idle) return this.dispatch(idle, pending);
      if (this.queue.length >= (this.options.maxQueue ?? 64))
        return reject(new ValidationUnavailableError('queue-full'));
      this.queue.push(pending);
    });
  }

  /** Terminates every worker (tests, shutdown); queued validations are rejected. */
  async close(): Promise<void> {
    for (const p of this.queue.splice(0)) p.reject(new ValidationUnavailableError('worker-failed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private idleSlot(): Slot | undefined {
    const idle = this.slots.find((s) => !s.current);
    if (idle) return idle;
    if (this.slots.length < (this.options.size ?? 2)) {
      const slot = this.spawn();
      this.slots.push(slot);
      return slot;
    }
    return undefined;
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SCRIPT[0], {
      ...WORKER_SCRIPT[1],
      workerData: { engine: this.options.engine },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb ?? 256 },
    });
    // Idle workers must not keep the process alive.
    worker.unref();
    let markReady!: () => void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const slot: Slot = { worker, known: new Set(), ready, markReady };
    worker.on('message', (reply: ValidationReply) => this.onReply(slot, reply));
    worker.on('error', () => this.replace(slot, 'worker-failed'));
    worker.on('exit', () => this.replace(slot, 'worker-failed'));
    return slot;
  }

  private dispatch(slot: Slot, pending: Pending): void {
    const id = this.nextId++;
    const withForm = !slot.known.has(pending.job.hash);
    slot.known.add(pending.job.hash);
    // Until the worker reports the start (a new worker first loads its engine), a generous bound.
    const timer = setTimeout(() => this.replace(slot, 'worker-failed'), STARTUP_MS + this.deadlineMs);
    slot.current = { id, pending, timer };
    slot.worker.ref();
    slot.worker.postMessage({
      id,
      ...pending.job,
      ...(withForm ? { form: pending.form } : {}),
    } satisfies ValidationJob);
  }

  private onReply(slot: Slot, reply: ValidationReply): void {
    if ('ready' in reply) return slot.markReady();
    const current = slot.current;
    if (!current || current.id !== reply.id) return;
    if ('started' in reply) {
      clearTimeout(current.timer);
      current.timer = setTimeout(() => this.replace(slot, 'deadline'), this.deadlineMs);
      return;
    }
    if ('missingForm' in reply) {
      // The worker lost the form (it should not): send it again.
      clearTimeout(current.timer);
      slot.known.delete(current.pending.job.hash);
      slot.current = undefined;
      return this.dispatch(slot, current.pending);
    }
    this.finish(slot);
    if ('result' in reply) current.pending.resolve(reply.result);
    else if ('compiled' in reply) current.pending.resolve(undefined);
    else current.pending.reject(Object.assign(new Error(reply.error), { name: reply.name }));
  }

  private finish(slot: Slot): void {
    if (slot.current) clearTimeout(slot.current.timer);
    slot.current = undefined;
    slot.worker.unref();
    const next = this.queue.shift();
    if (next) this.dispatch(slot, next);
  }

  /**
   * Ends a worker that overran or died and rejects its validation. The slot is freed; a fresh
   * worker starts for the next validation (never in a loop for a worker that cannot start).
   */
  private replace(slot: Slot, reason: ValidationUnavailableError['reason']): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const current = slot.current;
    if (current) clearTimeout(current.timer);
    slot.markReady();
    slot.worker.removeAllListeners();
    // A terminated worker's own error or exit must not reach its successor.
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    current?.pending.reject(new ValidationUnavailableError(reason));
    const next = this.queue.shift();
    if (next) this.dispatch(this.idleSlot()!, next);
  }
}
