/** Bodies of the form configuration, diff and migration endpoints (part of `wireSchemas`). */
import { ref } from './common-schemas.js';

const bump = { type: 'string', enum: ['none', 'patch', 'minor', 'major'] } as const;
const configProblem = {
  type: 'object',
  required: ['path', 'code', 'message', 'messages'],
  properties: {
    path: { type: 'string', description: 'JSON Pointer into the document' },
    code: {
      type: 'string',
      description:
        'Stable kebab-case code, e.g. remote-ref, forbidden-key (untrusted input), overlay-unknown-field, overlay-not-configurable, overlay-hide-required (overlays), ' +
        'rule-option-lowered, rule-option-unknown-option (rule options), version-bump-too-small, version-not-greater, version-not-after-git (semver), form-not-compiling, example-not-valid (own forms).',
    },
    message: { type: 'string', description: 'The text in the request’s locale (Accept-Language, Danish by default).' },
    messages: ref('LocalizedText'),
  },
} as const;

export const formConfigSchemas = {
  ConfigProblem: configProblem,
  SchemaChange: {
    type: 'object',
    required: ['path', 'kind', 'level', 'message', 'messages'],
    properties: {
      path: {
        type: 'string',
        description:
          'A JSON Forms scope into the schema (#/properties/…), or the file for other content (uischema.json, i18n/da.json, form.json#/…)',
      },
      kind: {
        type: 'string',
        description:
          'Stable kebab-case code of the change, e.g. property-added, required-added, enum-narrowed, constraint-tightened, text-changed, rule-option-changed.',
      },
      level: { type: 'string', enum: ['patch', 'minor', 'major'] },
      message: {
        type: 'string',
        description: 'The text in the request’s locale (Accept-Language, Danish by default).',
      },
      messages: ref('LocalizedText'),
    },
  },
  FormDiff: {
    type: 'object',
    required: ['formId', 'from', 'to', 'requiredBump', 'changes'],
    properties: {
      formId: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      requiredBump: bump,
      changes: { type: 'array', items: ref('SchemaChange') },
    },
  },
  FormConfigSummary: {
    type: 'object',
    required: ['kind', 'formId', 'version', 'status', 'hash', 'updatedAt', 'updatedBy'],
    properties: {
      kind: { type: 'string', enum: ['overlay', 'form'] },
      formId: { type: 'string' },
      version: { type: 'string' },
      status: { type: 'string', enum: ['draft', 'published', 'deprecated'] },
      hash: {
        type: 'string',
        description: 'Content hash of the document, recorded when published (empty for a draft).',
      },
      updatedAt: { type: 'string', format: 'date-time' },
      updatedBy: { type: 'string' },
    },
  },
  FormConfigList: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ref('FormConfigSummary') } },
  },
  FormConfigRecord: {
    allOf: [ref('FormConfigSummary')],
    type: 'object',
    required: ['tenantId', 'document'],
    properties: {
      tenantId: { type: 'string' },
      document: {
        type: 'object',
        description: 'A FormOverlay, or { manifest, schema, uischema, i18n, examples? } of an own form.',
      },
    },
  },
  FormConfigDocument: {
    type: 'object',
    description:
      'An overlay (FormOverlay: tenantId, formId and version may be omitted and are taken from the key and the URL) or an own form ({ manifest, schema, uischema, i18n, examples? }). ' +
      'Untrusted input: remote $ref, prototype keys, catastrophic regular expressions, more than 512 KiB, 32 levels or 10,000 keys are refused with 400 untrusted-document.',
  },
  FormConfigCheck: {
    type: 'object',
    required: ['ok', 'problems'],
    properties: {
      ok: { type: 'boolean' },
      problems: { type: 'array', items: ref('ConfigProblem') },
      previousVersion: { type: 'string' },
      requiredBump: bump,
      diff: ref('FormDiff'),
    },
  },
  FormConfigPreviewRequest: {
    type: 'object',
    required: ['kind', 'document'],
    properties: { kind: { const: 'overlay' }, document: { type: 'object' } },
  },
  FormConfigPreview: {
    type: 'object',
    required: ['ok', 'problems'],
    properties: {
      ok: { type: 'boolean' },
      problems: { type: 'array', items: ref('ConfigProblem') },
      form: {
        type: 'object',
        required: ['manifest', 'schema', 'uischema', 'i18n', 'hash'],
        properties: {
          manifest: { type: 'object' },
          schema: { type: 'object' },
          uischema: { type: 'object' },
          i18n: { type: 'object' },
          hash: { type: 'string' },
        },
      },
      diff: ref('FormDiff'),
      next: {
        type: 'object',
        description:
          'The version this overlay would be published as: above every published, deprecated and git-kept version, bumped as its changes against the highest of them require.',
        required: ['version', 'requiredBump'],
        properties: { version: { type: 'string' }, previousVersion: { type: 'string' }, requiredBump: bump },
      },
    },
  },
  EffectiveFormConfig: {
    type: 'object',
    required: ['tenantId', 'formId', 'source', 'base'],
    properties: {
      tenantId: { type: 'string', description: 'The key’s tenant: its own fields are kept under x-<tenantId>.' },
      formId: { type: 'string' },
      source: {
        type: 'string',
        enum: ['git', 'api', 'none'],
        description:
          'Where the overlay in effect was published: git (schemas/tenants), the API, or none (the plain shared form).',
      },
      version: { type: 'string', description: 'The version of the overlay in effect.' },
      overlay: { type: 'object', description: 'The overlay in effect (a FormOverlay).' },
      base: {
        type: 'object',
        description: 'The shared form version the overlay applies to (the latest one without an overlay).',
        required: ['manifest', 'schema', 'uischema', 'i18n', 'hash'],
        properties: {
          manifest: { type: 'object' },
          schema: { type: 'object' },
          uischema: { type: 'object' },
          i18n: { type: 'object' },
          hash: { type: 'string' },
        },
      },
    },
  },
  MigrateRequest: {
    type: 'object',
    required: ['version'],
    additionalProperties: false,
    properties: {
      version: {
        type: 'string',
        minLength: 1,
        maxLength: 50,
        description: 'The target version (exact, `latest` or a range); later than the current one.',
      },
    },
  },
} as const;
