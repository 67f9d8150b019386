export { applyOverlay, type OverlayResult } from './apply-overlay.js';
export { OVERLAY_SCHEMA } from './overlay-schema.js';
export { locateField, scopeToPointer } from './schema-location.js';
export { TIGHTENING_KEYWORDS, type FormOverlay, type OverlayProblem, type Tightening } from './types.js';
export { TenantForms, OverlayError, type TenantFormSource } from './tenant-forms.js';
