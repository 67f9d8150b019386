import type { JsonFormsCellRendererRegistryEntry, JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { numberCellTester, SkemaNumberCell } from './number-cell.js';

function withSkemaNumberCell(
  cells: readonly JsonFormsCellRendererRegistryEntry[],
): JsonFormsCellRendererRegistryEntry[] {
  return [{ tester: numberCellTester, cell: SkemaNumberCell }, ...cells];
}

/**
 * JSON Forms' vanilla renderers and cells, ranked below every Skema renderer: pass them to
 * `<SkemaForm renderers={vanillaFallback.renderers} />` for UI-schema elements Skema does not cover
 * (they are not in the default set, which keeps the web component small). Their number cells are
 * replaced by Skema's, which read Danish decimals (`6,5`) like every other number field.
 */
export const vanillaFallback: {
  renderers: readonly JsonFormsRendererRegistryEntry[];
  cells: readonly JsonFormsCellRendererRegistryEntry[];
} = {
  renderers: vanillaRenderers,
  // Marked pure: a bundle that never uses the fallback (the web component) drops JSON Forms' vanilla set.
  cells: /* @__PURE__ */ withSkemaNumberCell(vanillaCells),
};
