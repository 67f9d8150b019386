import type { JsonFormsCellRendererRegistryEntry, JsonFormsRendererRegistryEntry } from '@jsonforms/core';

/** A renderer's renderer and cell registries, passed on to JSON Forms only when given (its props take no `undefined`). */
export function registries(p: {
  renderers?: JsonFormsRendererRegistryEntry[] | undefined;
  cells?: JsonFormsCellRendererRegistryEntry[] | undefined;
}): { renderers?: JsonFormsRendererRegistryEntry[]; cells?: JsonFormsCellRendererRegistryEntry[] } {
  return { ...(p.renderers && { renderers: p.renderers }), ...(p.cells && { cells: p.cells }) };
}
