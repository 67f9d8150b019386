export {
  dkkRenderers as default,
  dkkRenderers,
  dkkTester,
  DkkRenderer,
  dkkRendererEntry,
  formatAmountInput,
} from './DkkControl.js';
export { DKK_CSS } from './styles.js';
