import { authSchemas } from './auth-schemas.js';
import { caseSchemas } from './case-schemas.js';
import { catalogueSchemas } from './catalogue-schemas.js';
import { commonSchemas } from './common-schemas.js';
import { formConfigSchemas } from './form-config-schemas.js';
import { submissionSchemas } from './submission-schemas.js';

/**
 * Every request and response body of the API, defined once and shared by the server (Ajv checks
 * of request bodies, `components.schemas` of its OpenAPI document) and its clients (the types in
 * `./wire-types.ts`, checked against these schemas by `wire-types.test.ts`). References are
 * `#/components/schemas/<name>`; the server adds the names it owns (`Role`).
 */
export const wireSchemas = {
  ...commonSchemas,
  ...submissionSchemas,
  ...catalogueSchemas,
  ...formConfigSchemas,
  ...caseSchemas,
  ...authSchemas,
} as const;

export type WireSchemaName = keyof typeof wireSchemas;
