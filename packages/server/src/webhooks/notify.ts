import type { SubmissionStore } from '@skema/core';

const WRITES = new Set<PropertyKey>(['create', 'update', 'delete']);

/**
 * The store, with `notify` called after each write that succeeded (the dispatcher's `wake`), so a
 * new event is sent at once instead of at the next poll. Everything else passes straight through.
 */
export function notifyAfterWrites<S extends SubmissionStore>(store: S, notify: () => void): S {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!WRITES.has(property)) return method.bind(target);
      return async (...args: unknown[]) => {
        const result = await method.apply(target, args);
        notify();
        return result;
      };
    },
  });
}
