export { filter as default } from './lodash-collection.js';
