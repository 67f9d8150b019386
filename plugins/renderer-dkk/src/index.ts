export { dkkRenderers as default, dkkRenderers, dkkTester, DkkRenderer, dkkRendererEntry, formatAmountInput } from './DkkControl.js';
