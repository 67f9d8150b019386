export { find as default } from './lodash-collection.js';
