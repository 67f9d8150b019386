import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { arrayControlTester, SkemaArrayControl } from './ArrayControl.js';
import { categorizationTester, SkemaCategorization } from './Categorization.js';
import {
  booleanControlTester,
  enumControlTester,
  numberControlTester,
  oneOfEnumControlTester,
  SkemaBooleanControl,
  SkemaEnumControl,
  SkemaNumberControl,
  SkemaOneOfEnumControl,
  SkemaTextControl,
  textControlTester,
} from './controls.js';
import { labelTester, SkemaLabel } from './LabelRenderer.js';
import {
  groupLayoutTester,
  horizontalLayoutTester,
  SkemaGroupLayout,
  SkemaHorizontalLayout,
  SkemaVerticalLayout,
  verticalLayoutTester,
} from './layouts.js';
import { multiEnumControlTester, SkemaMultiEnumControl } from './MultiEnumControl.js';
import { objectControlTester, SkemaObjectControl } from './ObjectControl.js';
import { pathSafeControl } from './PathSafeControl.js';

/**
 * Skema's accessible renderers for every JSON Forms element the forms use: layouts with the vanilla
 * set's markup, and controls with predictable ids, labels, help texts and error wiring. (The vanilla
 * set is available as `vanillaFallback`.) One frozen array: JSON Forms compares renderers by reference.
 * `pathSafeControl` comes first: it re-anchors Controls whose scope JSON Forms would misread (names
 * ending in "-else"/"-then") and then renders them with whichever renderer ranks highest.
 */
export const skemaRenderers: readonly JsonFormsRendererRegistryEntry[] = Object.freeze([
  pathSafeControl,
  { tester: verticalLayoutTester, renderer: SkemaVerticalLayout },
  { tester: horizontalLayoutTester, renderer: SkemaHorizontalLayout },
  { tester: groupLayoutTester, renderer: SkemaGroupLayout },
  { tester: textControlTester, renderer: SkemaTextControl },
  { tester: numberControlTester, renderer: SkemaNumberControl },
  { tester: booleanControlTester, renderer: SkemaBooleanControl },
  { tester: enumControlTester, renderer: SkemaEnumControl },
  { tester: oneOfEnumControlTester, renderer: SkemaOneOfEnumControl },
  { tester: objectControlTester, renderer: SkemaObjectControl },
  { tester: arrayControlTester, renderer: SkemaArrayControl },
  { tester: multiEnumControlTester, renderer: SkemaMultiEnumControl },
  { tester: categorizationTester, renderer: SkemaCategorization },
  { tester: labelTester, renderer: SkemaLabel },
]);
