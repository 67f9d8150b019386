export {
  trivselRenderers as default,
  trivselRenderers,
  trivselTester,
  TrivselRenderer,
  trivselRendererEntry,
} from './TrivselControl.js';
export { TRIVSEL_LEVELS, TRIVSEL_VALUES, type TrivselLevel } from './levels.js';
export { TRIVSEL_CSS } from './styles.js';
