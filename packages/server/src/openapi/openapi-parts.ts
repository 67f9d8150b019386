import { headerParams, type ApiParameter } from '../schemas/api-parameters.js';
import type { ApiSchemaName } from '../schemas/api-schemas.js';

/** Building blocks of the OpenAPI document's operations. */
export const ref = (name: ApiSchemaName) => ({ $ref: `#/components/schemas/${name}` });
export const json = (name: ApiSchemaName) => ({ 'application/json': { schema: ref(name) } });
export const ok = (description: string, name: ApiSchemaName, headers?: Record<string, unknown>) => ({
  description,
  content: json(name),
  ...(headers ? { headers } : {}),
});
/** A required JSON body; `examples` are OpenAPI Example Objects by name. */
export const body = (name: ApiSchemaName, examples: Record<string, unknown> = {}) => ({
  required: true,
  content: { 'application/json': { schema: ref(name), ...(Object.keys(examples).length ? { examples } : {}) } },
});
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const ETAG = { ETag: { description: 'Strong entity tag.', schema: { type: 'string' } } };
export const LOCATION = { Location: { description: 'URL of the new submission.', schema: { type: 'string' } } };
export const secured = [{ apiKey: [] }];
export const optionalKey = [{}, { apiKey: [] }];

export const common = {
  '400': problem('Malformed JSON or an invalid request (issues[] names each problem).'),
  '429': problem(
    'Too many requests for this key (or, without a key, this address; or too many wrong keys from this address); see Retry-After.',
  ),
};
export const auth = {
  '401': problem('Missing or invalid API key.'),
  '403': problem('The key lacks the role the action needs.'),
};
export const bodyErrors = {
  '413': problem(
    'The body is over a limit: its size (1 MB with a key, 256 kB without) or its data budget (100 000 values, depth 64, 10 000 items per array); `limit` names it.',
  ),
  '415': problem('The body is not application/json in UTF-8.'),
};

export function params(...list: ApiParameter[]) {
  return [...list, headerParams.acceptLanguage];
}
