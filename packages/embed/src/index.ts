export { SkemaFormElement, defineSkemaForm } from './skema-form-element.js';
export { standardRenderers } from './all-renderers.js';
