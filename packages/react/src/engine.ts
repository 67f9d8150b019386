import { SkemaEngine, type SkemaPlugin } from '@skema/core';
import dk from '@skema/plugin-dk';
import familieraadslagning from '@skema/plugin-familieraadslagning';
import ringsted from '@skema/plugin-ringsted';
import trivsel from '@skema/plugin-trivsel';
import viso from '@skema/plugin-viso';

/**
 * The rule plugins every Skema server registers, for the browser. `@skema/forms` holds the same
 * list but reads the file system; these packages are pure and browser-safe.
 */
export function standardBrowserPlugins(): SkemaPlugin[] {
  return [dk(), viso(), trivsel(), ringsted(), familieraadslagning()];
}

let standardEngine: SkemaEngine | undefined;
// One engine per plugin set: Ajv compilation is the expensive part and is cached inside the engine.
const enginesByPlugins = new WeakMap<readonly SkemaPlugin[], SkemaEngine>();

/** The shared engine for a plugin set (the standard plugins when none is given). */
export function getEngine(plugins?: readonly SkemaPlugin[]): SkemaEngine {
  if (!plugins) {
    standardEngine ??= new SkemaEngine({ plugins: standardBrowserPlugins() });
    return standardEngine;
  }
  let engine = enginesByPlugins.get(plugins);
  if (!engine) {
    engine = new SkemaEngine({ plugins: [...plugins] });
    enginesByPlugins.set(plugins, engine);
  }
  return engine;
}
