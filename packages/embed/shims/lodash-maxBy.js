export { maxBy as default } from './lodash-collection.js';
