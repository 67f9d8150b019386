export { unset as default } from './lodash-fp-path.js';
