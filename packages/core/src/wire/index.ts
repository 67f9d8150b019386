export { wireSchemas, type WireSchemaName } from './wire-schemas.js';
export type * from './wire-types.js';
