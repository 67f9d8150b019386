// JSON Forms creates a draft-07 Ajv only when it is given none; SkemaForm always gives it the
// engine's Ajv 2020, so JSON Forms' fallback uses the same class rather than bundling a second one.
export { default } from 'ajv/dist/2020.js';
