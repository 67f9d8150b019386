import type { SkemaEngine } from '@skema/core';

/**
 * Where a validation worker gets its engine: a module and the name of its export, a function
 * returning a `SkemaEngine` with the same plugins as the app's (`createApp` never hard-codes a
 * plugin set). Default: `@skema/forms`'s `createStandardEngine`, as `apps/api` uses.
 */
export interface EngineFactorySpec {
  /** A module specifier or file URL the worker can `import()`. */
  module: string;
  /** The export to call; default `default`. */
  export?: string;
  /** JSON data passed to the factory. */
  options?: unknown;
}

export const STANDARD_ENGINE: EngineFactorySpec = { module: '@skema/forms', export: 'createStandardEngine' };

export async function loadEngine(spec: EngineFactorySpec): Promise<SkemaEngine> {
  const mod = (await import(spec.module)) as Record<string, unknown>;
  const factory = mod[spec.export ?? 'default'];
  if (typeof factory !== 'function')
    throw new TypeError(`${spec.module} has no function export ${spec.export ?? 'default'}`);
  return await (factory as (options?: unknown) => SkemaEngine | Promise<SkemaEngine>)(spec.options);
}
