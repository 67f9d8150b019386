import type { JsonFormsCellRendererRegistryEntry, JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';

/**
 * JSON Forms' vanilla renderers and cells, ranked below every Skema renderer: pass them to
 * `<SkemaForm renderers={vanillaFallback.renderers} />` for UI-schema elements Skema does not cover
 * (they are not in the default set, which keeps the web component small).
 */
export const vanillaFallback: { renderers: readonly JsonFormsRendererRegistryEntry[]; cells: readonly JsonFormsCellRendererRegistryEntry[] } = {
  renderers: vanillaRenderers,
  cells: vanillaCells,
};
