export { applyOverlay, type OverlayResult } from './apply-overlay.js';
export { checkOverlayDocument, OVERLAY_SCHEMA_ROOTS } from './check-overlay-document.js';
export { OVERLAY_SCHEMA } from './overlay-schema.js';
export {
  overlayProblem,
  type OverlayParams,
  type OverlayProblem,
  type OverlayProblemCode,
} from './overlay-problems.js';
export { locateField, scopeToPointer } from './schema-location.js';
export { TIGHTENING_KEYWORDS, type FormOverlay, type Tightening } from './types.js';
export { TenantForms, OverlayError, type TenantFormSource } from './tenant-forms.js';
