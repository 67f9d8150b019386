export { cprRenderers as default, cprRenderers, cprTester, CprRenderer, cprRendererEntry } from './CprControl.js';
export { formatCprInput } from './cpr-input.js';
export { CPR_CSS } from './styles.js';
