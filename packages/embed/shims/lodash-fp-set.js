export { set as default } from './lodash-fp-path.js';
