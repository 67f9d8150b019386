import { wireSchemas } from '@skema/core';
import { ROLES } from '../auth/roles.js';

/**
 * Every request and response body of the API. The bodies are the contract shared with the clients,
 * so they live in `@skema/core` (`wireSchemas`, with their TypeScript types as `Wire.*`); the
 * server adds what it alone defines (its roles). The same objects validate request bodies (Ajv)
 * and become `components.schemas` of the generated OpenAPI document.
 */
export const apiSchemas = {
  ...wireSchemas,
  Role: { type: 'string', enum: [...ROLES] },
} as const;

export type ApiSchemaName = keyof typeof apiSchemas;
