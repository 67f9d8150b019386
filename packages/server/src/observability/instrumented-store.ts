import type { SubmissionStore } from '@skema/core';
import type { Metrics } from './metrics.js';

const TIMED = [
  'create',
  'get',
  'update',
  'list',
  'revisions',
  'appendAudit',
  'queryAudit',
  'delete',
  'verifyAudit',
  'health',
] as const;

/** Wraps a store so every operation's latency lands in the store histogram. */
export function instrumentStore(store: SubmissionStore, metrics: Metrics): SubmissionStore {
  const wrapped: Record<string, unknown> = {};
  for (const op of TIMED) {
    wrapped[op] = async (...args: unknown[]) => {
      const end = metrics.storeDuration.startTimer({ operation: op });
      try {
        const result = await (store[op] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
        end({ outcome: 'ok' });
        return result;
      } catch (e) {
        end({ outcome: 'error' });
        throw e;
      }
    };
  }
  return {
    name: store.name,
    init: () => store.init(),
    close: () => store.close(),
    ...wrapped,
  } as SubmissionStore;
}
