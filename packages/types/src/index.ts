export {
  generateFormTypes,
  writeFormTypes,
  typeNameFor,
  defaultGeneratedDir,
  ForeignFileError,
  type GeneratedFile,
} from './generate.js';
export { prepareSchemaForTypes } from './prepare-schema.js';
export type * from './generated/index.js';
