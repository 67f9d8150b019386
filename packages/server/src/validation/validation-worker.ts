import { parentPort, workerData } from 'node:worker_threads';
import { untrustedCompiler, type FormVersion, type SkemaEngine } from '@skema/core';
import { loadEngine, type EngineFactorySpec } from './engine-factory.js';
import type { ValidationJob, ValidationReply } from './worker-protocol.js';

/**
 * A validation worker: validates untrusted forms (compiled on the engine's untrusted Ajv, once
 * per content hash) so a runaway stalls this thread, which the pool terminates, never the
 * server's event loop.
 */
const spec = (workerData as { engine: EngineFactorySpec }).engine;
const ready: Promise<SkemaEngine> = loadEngine(spec).then((engine) => engine.useUntrusted(untrustedCompiler()));
const forms = new Map<string, FormVersion>();
const port = parentPort!;
// Told once the engine is loaded, so a pool warmed at start-up is ready before the first request.
void ready.then(
  () => port.postMessage({ ready: true } satisfies ValidationReply),
  () => undefined,
);

port.on('message', (job: ValidationJob) => {
  void ready.then(
    (engine) => {
      port.postMessage({ id: job.id, started: true } satisfies ValidationReply);
      let reply: ValidationReply;
      try {
        if (job.form) forms.set(job.hash, job.form);
        const form = forms.get(job.hash);
        if (!form) {
          reply = { id: job.id, missingForm: true };
        } else if (job.compileOnly) {
          engine.compile(form, { untrusted: true });
          reply = { id: job.id, compiled: true };
        } else {
          const { calendarOptions, now, ...options } = job.options;
          const result = engine.validate(form, job.data, {
            ...options,
            untrusted: true,
            now: new Date(now),
            ...(calendarOptions ? { calendar: engine.calendarFor(calendarOptions) } : {}),
          });
          reply = { id: job.id, result };
        }
      } catch (e) {
        reply = { id: job.id, error: (e as Error).message, name: (e as Error).name };
      }
      port.postMessage(reply);
    },
    (e: unknown) =>
      port.postMessage({
        id: job.id,
        error: `The validation engine could not be loaded: ${(e as Error).message}`,
        name: 'EngineLoadError',
      } satisfies ValidationReply),
  );
});
