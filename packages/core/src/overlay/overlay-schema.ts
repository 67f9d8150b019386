import { SENSITIVE_KEYWORD, SENSITIVE_KEYWORD_SCHEMA } from '../sensitive/sensitive-keyword.js';
import { TIGHTENING_KEYWORDS } from './types.js';

const texts = { type: 'object', maxProperties: 2000, additionalProperties: { type: 'string', maxLength: 5000 } };
const pointer = { type: 'string', pattern: '^(/[^/]+)+$', maxLength: 500 };

/** The shape of an overlay document. Anything not listed here is refused. */
export const OVERLAY_SCHEMA = {
  $id: 'urn:skema:overlay',
  type: 'object',
  additionalProperties: false,
  required: ['tenantId', 'formId', 'version', 'baseVersion'],
  properties: {
    $schema: { type: 'string' },
    tenantId: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' },
    formId: { type: 'string', pattern: '^[a-z][a-zA-Z0-9-]{0,63}$' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    baseVersion: { type: 'string', minLength: 1, maxLength: 50 },
    enabled: { type: 'boolean' },
    title: {
      type: 'object',
      additionalProperties: false,
      properties: { da: { type: 'string' }, en: { type: 'string' } },
    },
    texts: { type: 'object', additionalProperties: false, properties: { da: texts, en: texts } },
    hide: { type: 'array', items: pointer, maxItems: 500 },
    require: { type: 'array', items: pointer, maxItems: 500 },
    constraints: {
      type: 'object',
      maxProperties: 500,
      propertyNames: pointer,
      additionalProperties: {
        type: 'object',
        minProperties: 1,
        additionalProperties: false,
        // A tag's categories are checked here, so a wrong one is reported at its place in the overlay.
        properties: Object.fromEntries(
          TIGHTENING_KEYWORDS.map((k) => [k, k === SENSITIVE_KEYWORD ? SENSITIVE_KEYWORD_SCHEMA : {}]),
        ),
      },
    },
    fields: {
      type: 'object',
      additionalProperties: false,
      required: ['properties'],
      properties: {
        properties: {
          type: 'object',
          maxProperties: 200,
          propertyNames: { pattern: '^[a-zA-Z][a-zA-Z0-9]*$' },
          additionalProperties: { type: 'object' },
        },
        required: { type: 'array', items: { type: 'string' } },
      },
    },
    ruleOptions: { type: 'object', additionalProperties: { type: 'object' } },
    plugins: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'version'],
        properties: { name: { type: 'string' }, version: { type: 'string' }, options: { type: 'object' } },
      },
    },
  },
} as const;
