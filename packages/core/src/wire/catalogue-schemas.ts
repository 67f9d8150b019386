import { dateTime, ref } from './common-schemas.js';

const formStatus = { type: 'string', enum: ['draft', 'published', 'deprecated'] } as const;

/** Read-only views: forms and their versions, the rule catalogue, the audit log, health. */
export const catalogueSchemas = {
  FormSummary: {
    type: 'object',
    required: ['id', 'title', 'versions'],
    properties: {
      id: { type: 'string' },
      title: ref('LocalizedText'),
      latest: { type: 'string' },
      versions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['version', 'status', 'hash'],
          properties: { version: { type: 'string' }, status: formStatus, hash: { type: 'string' } },
        },
      },
    },
  },
  FormList: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ref('FormSummary') } },
  },
  FormVersion: {
    type: 'object',
    required: ['id', 'version', 'status', 'title', 'changelog', 'plugins', 'schema', 'uischema', 'i18n', 'hash'],
    properties: {
      id: { type: 'string' },
      version: { type: 'string' },
      status: formStatus,
      title: ref('LocalizedText'),
      description: ref('LocalizedText'),
      changelog: {},
      plugins: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'version'],
          properties: { name: { type: 'string' }, version: { type: 'string' }, options: { type: 'object' } },
        },
      },
      ruleOptions: {
        type: 'object',
        description:
          'The form’s own rule options by rule id (form.json, and for a tenant’s effective form its overlay’s); part of the content hash.',
        additionalProperties: { type: 'object' },
      },
      schema: { type: 'object' },
      uischema: { type: 'object' },
      i18n: { type: 'object', required: ['da', 'en'], properties: { da: { type: 'object' }, en: { type: 'object' } } },
      hash: { type: 'string' },
      tenantRuleOptions: {
        type: 'object',
        description:
          'Only with an API key whose tenant configures rule options: those options by rule id (e.g. `{"UND-07": {"severity": "error"}}`), as the server applies them. ' +
          'Pass them to the browser engine’s validate as `ruleOptions` so it reports the same severities as the server.',
        additionalProperties: { type: 'object' },
      },
      tenantCalendar: {
        type: 'object',
        description:
          'Only with an API key whose tenant sets working-day calendar options (e.g. `{"grundlovsdag": false}`): those options. ' +
          'Build the browser engine’s calendar with `engine.calendarFor(tenantCalendar)` and pass it to validate as `calendar`, so deadlines fall on the same days as on the server.',
      },
    },
  },
  Rule: {
    type: 'object',
    required: ['id', 'kind', 'forms', 'source', 'description', 'options', 'plugin'],
    properties: {
      id: { type: 'string' },
      kind: { type: 'string', enum: ['rule', 'deadline'] },
      severity: { type: 'string', enum: ['error', 'warning'], description: 'Absent for deadlines (process rules).' },
      forms: { type: 'array', items: { type: 'string' } },
      source: { type: 'string' },
      description: ref('LocalizedText'),
      message: ref('LocalizedText'),
      options: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          required: ['description'],
          properties: { description: ref('LocalizedText'), default: {}, schema: { type: 'object' } },
        },
      },
      plugin: {
        type: 'object',
        required: ['name', 'version'],
        properties: { name: { type: 'string' }, version: { type: 'string' } },
      },
      judgedDate: {
        type: 'object',
        required: ['kind', 'description'],
        description:
          'Which date the rule judges ages, deadlines and “by now” questions on: `reference` (the date the platform received the submission, stamped on its first submission; today for a draft), `field` (the date at `pointer`, else `fallback`) or `today` (the date of the validation). Absent for a rule that reads no date.',
        properties: {
          kind: { type: 'string', enum: ['reference', 'field', 'today'] },
          pointer: { type: 'string' },
          fallback: { type: 'string', enum: ['reference', 'today'] },
          also: {
            type: 'string',
            enum: ['reference', 'today'],
            description:
              'A second date a `field` rule reads: the reference date for an age, today for whether something has happened by now.',
          },
          description: ref('LocalizedText'),
        },
      },
    },
  },
  RuleList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Rule') } } },
  AuditEntry: {
    type: 'object',
    required: ['id', 'tenantId', 'at', 'actor', 'action'],
    properties: {
      id: { type: 'string' },
      tenantId: { type: 'string' },
      at: dateTime,
      actor: { type: 'string' },
      action: {
        type: 'string',
        enum: [
          'create',
          'read',
          'update',
          'status',
          'migrate',
          'legal-hold',
          'approval',
          'assign',
          'delete',
          'list',
          'form-config.draft',
          'form-config.publish',
          'form-config.deprecate',
          'case.create',
          'case.read',
          'case.list',
          'case.update',
          'case.attach',
          'case.close',
          'attachment.create',
          'attachment.read',
          'attachment.delete',
        ],
      },
      submissionId: { type: 'string' },
      details: { type: 'object' },
    },
  },
  AuditPage: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ref('AuditEntry') }, nextCursor: { type: 'string' } },
  },
  Health: {
    type: 'object',
    required: ['status'],
    additionalProperties: false,
    description: 'A status only: no store details or counts.',
    properties: { status: { type: 'string', enum: ['ok', 'unavailable'] } },
  },
} as const;
