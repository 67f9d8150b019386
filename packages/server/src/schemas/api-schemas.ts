import { ROLES } from '../auth/roles.js';
import { formConfigSchemas } from './form-config-schemas.js';
import { legalHoldSchemas } from './legal-hold-schemas.js';

/**
 * Every request and response body of the API, defined once. The same objects validate request
 * bodies (Ajv) and become `components.schemas` of the generated OpenAPI document.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` }) as const;

const localizedText = {
  type: 'object',
  required: ['da', 'en'],
  properties: { da: { type: 'string' }, en: { type: 'string' } },
} as const;

const submissionStatus = { type: 'string', enum: ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;

export const apiSchemas = {
  LocalizedText: localizedText,
  SubmissionStatus: submissionStatus,
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details.',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string' },
      instance: { type: 'string' },
      issues: { type: 'array', items: ref('ProblemIssue') },
      pendingApprovals: { type: 'array', items: { type: 'string' } },
      problems: { type: 'array', items: ref('ConfigProblem'), description: 'untrusted-document, form-config-invalid: each problem with its JSON Pointer, stable code and texts (message in the request’s locale, messages in Danish and English).' },
      diff: ref('FormDiff'),
      requiredBump: { type: 'string', enum: ['none', 'patch', 'minor', 'major'] },
      errors: { type: 'array', items: ref('ValidationIssue'), description: 'migration-invalid: the validation errors of the migrated data.' },
      reason: { type: 'string', description: 'migration-impossible: why no migration path exists.' },
      limit: {
        type: 'object',
        required: ['name', 'max'],
        description: 'payload-too-large: the limit the request broke (`bodyBytes`, `dataNodes`, `dataDepth`, `arrayLength`) and its value.',
        properties: { name: { type: 'string', enum: ['bodyBytes', 'dataNodes', 'dataDepth', 'arrayLength'] }, max: { type: 'integer' } },
      },
      truncated: {
        type: 'object',
        required: ['errors', 'warnings'],
        description: 'validation-failed, migration-invalid: present when more issues were found than reported; the totals.',
        properties: { errors: { type: 'integer', minimum: 0 }, warnings: { type: 'integer', minimum: 0 } },
      },
    },
  },
  ProblemIssue: {
    type: 'object',
    required: ['path', 'code', 'message'],
    properties: {
      path: { type: 'string', description: 'JSON Pointer' },
      code: { type: 'string', description: 'Rule id (e.g. UND-03) or JSON Schema keyword' },
      message: { type: 'string' },
      severity: { type: 'string', enum: ['error', 'warning'] },
    },
  },
  ValidationIssue: {
    type: 'object',
    required: ['path', 'code', 'severity', 'message', 'messages'],
    properties: {
      path: { type: 'string' },
      code: { type: 'string' },
      severity: { type: 'string', enum: ['error', 'warning'] },
      message: { type: 'string' },
      messages: ref('LocalizedText'),
      params: { type: 'object' },
    },
  },
  DerivedDeadline: {
    type: 'object',
    required: ['ruleId', 'path', 'label', 'due', 'basis', 'status'],
    properties: {
      ruleId: { type: 'string' },
      path: { type: 'string' },
      label: ref('LocalizedText'),
      due: { type: 'string', format: 'date' },
      basis: {
        type: 'object',
        required: ['from', 'amount', 'unit'],
        properties: { from: { type: 'string' }, amount: { type: 'number' }, unit: { type: 'string' } },
      },
      status: { type: 'string', enum: ['pending', 'overdue', 'met'] },
    },
  },
  ValidationReceipt: {
    type: 'object',
    required: ['formId', 'version', 'schemaHash', 'plugins', 'validatedAt'],
    properties: {
      formId: { type: 'string' },
      version: { type: 'string' },
      schemaHash: { type: 'string' },
      plugins: {
        type: 'array',
        items: { type: 'object', required: ['name', 'version'], properties: { name: { type: 'string' }, version: { type: 'string' } } },
      },
      validatedAt: dateTime,
      overlay: { type: 'object' },
    },
  },
  ValidationResult: {
    type: 'object',
    required: ['valid', 'errors', 'warnings', 'derived', 'receipt'],
    properties: {
      valid: { type: 'boolean' },
      errors: { type: 'array', items: ref('ValidationIssue') },
      warnings: { type: 'array', items: ref('ValidationIssue') },
      derived: {
        type: 'object',
        required: ['deadlines'],
        properties: { deadlines: { type: 'array', items: ref('DerivedDeadline') } },
      },
      receipt: ref('ValidationReceipt'),
      truncated: {
        type: 'object',
        required: ['errors', 'warnings'],
        description: 'Present only when issues were left out: at most 100 errors and 100 warnings are reported; these are the totals found.',
        properties: { errors: { type: 'integer', minimum: 0 }, warnings: { type: 'integer', minimum: 0 } },
      },
    },
  },
  ValidateRequest: {
    type: 'object',
    required: ['data'],
    additionalProperties: false,
    properties: {
      data: { description: 'The form data to validate.' },
      mode: { type: 'string', enum: ['draft', 'submitted'], default: 'submitted' },
      today: { type: 'string', format: 'date', description: 'Reference date; defaults to today in Denmark.' },
    },
  },
  SubmissionCreate: {
    type: 'object',
    required: ['formId', 'version', 'data', 'status'],
    additionalProperties: false,
    properties: {
      formId: { type: 'string', minLength: 1, maxLength: 100 },
      version: { type: 'string', minLength: 1, maxLength: 50, description: 'Exact version, `latest` or a semver range.' },
      data: { type: 'object' },
      status: { type: 'string', enum: ['draft', 'submitted'] },
    },
  },
  SubmissionUpdate: {
    type: 'object',
    required: ['data'],
    additionalProperties: false,
    properties: {
      data: { type: 'object' },
      version: { type: 'string', minLength: 1, maxLength: 50, description: 'Move the submission to another version of its form.' },
    },
  },
  StatusChange: {
    type: 'object',
    required: ['status'],
    additionalProperties: false,
    properties: { status: submissionStatus },
  },
  Submission: {
    type: 'object',
    required: ['id', 'tenantId', 'formId', 'version', 'status', 'data', 'revision', 'receipt', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'],
    properties: {
      id: { type: 'string' },
      tenantId: { type: 'string' },
      formId: { type: 'string' },
      version: { type: 'string' },
      status: submissionStatus,
      data: {},
      revision: { type: 'integer', minimum: 1 },
      receipt: ref('ValidationReceipt'),
      createdAt: dateTime,
      updatedAt: dateTime,
      statusChangedAt: { ...dateTime, description: 'When the submission entered its current status; retention counts from it.' },
      createdBy: { type: 'string' },
      updatedBy: { type: 'string' },
      legalHold: { type: 'boolean' },
    },
  },
  SubmissionWriteResult: {
    type: 'object',
    required: ['submission', 'receipt', 'warnings', 'deadlines'],
    properties: {
      submission: ref('Submission'),
      receipt: ref('ValidationReceipt'),
      warnings: { type: 'array', items: ref('ValidationIssue') },
      deadlines: { type: 'array', items: ref('DerivedDeadline') },
      pendingApprovals: {
        type: 'array',
        items: { type: 'string' },
        description: 'Roles whose approval is still needed before the requested status is reached.',
      },
    },
  },
  SubmissionListItem: {
    description:
      'A submission in a list: a list is bulk access, so `data` holds only the fields the tenant’s list policy names for the form (none by default: id, form, version, status, revision and dates only), never sensitive values (DP-02: CPR numbers, fields tagged `x-skema-sensitive`), and a person record’s fields (the name beside a CPR number) only when the policy names that very field. Read one submission for the full record; that read is audited.',
    type: 'object',
    allOf: [ref('Submission')],
    required: ['redacted'],
    properties: {
      redacted: {
        type: 'array',
        items: { type: 'string' },
        description: 'JSON Pointers into `data` of values withheld from the fields the list policy names (a sensitive array element takes its whole array with it); `""` when all of `data` was withheld (the policy names nothing for the form, or its form is unknown).',
      },
    },
  },
  SubmissionPage: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ref('SubmissionListItem') }, nextCursor: { type: 'string' } },
  },
  Revision: {
    type: 'object',
    required: ['revision', 'action', 'by', 'at', 'status', 'formId', 'version', 'changes'],
    properties: {
      revision: { type: 'integer', minimum: 1 },
      action: { type: 'string', enum: ['create', 'update', 'status', 'migrate', 'legal-hold'] },
      by: { type: 'string' },
      at: dateTime,
      status: submissionStatus,
      formId: { type: 'string' },
      version: { type: 'string' },
      changes: {
        type: 'array',
        description: 'RFC 6902 operations on `{status, version, data}` from the previous revision.',
        items: { type: 'object', required: ['op', 'path'], properties: { op: { type: 'string' }, path: { type: 'string' } } },
      },
    },
  },
  RevisionList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Revision') } } },
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
          properties: { version: { type: 'string' }, status: { type: 'string', enum: ['draft', 'published', 'deprecated'] }, hash: { type: 'string' } },
        },
      },
    },
  },
  FormList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('FormSummary') } } },
  FormVersion: {
    type: 'object',
    required: ['id', 'version', 'status', 'title', 'changelog', 'plugins', 'schema', 'uischema', 'i18n', 'hash'],
    properties: {
      id: { type: 'string' },
      version: { type: 'string' },
      status: { type: 'string', enum: ['draft', 'published', 'deprecated'] },
      title: ref('LocalizedText'),
      description: ref('LocalizedText'),
      changelog: {},
      plugins: {
        type: 'array',
        items: { type: 'object', required: ['name', 'version'], properties: { name: { type: 'string' }, version: { type: 'string' }, options: { type: 'object' } } },
      },
      ruleOptions: {
        type: 'object',
        description: 'The form’s own rule options by rule id (form.json, and for a tenant’s effective form its overlay’s); part of the content hash.',
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
      plugin: { type: 'object', required: ['name', 'version'], properties: { name: { type: 'string' }, version: { type: 'string' } } },
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
      action: { type: 'string', enum: ['create', 'read', 'update', 'status', 'migrate', 'legal-hold', 'delete', 'list', 'form-config.draft', 'form-config.publish', 'form-config.deprecate'] },
      submissionId: { type: 'string' },
      details: { type: 'object' },
    },
  },
  AuditPage: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ref('AuditEntry') }, nextCursor: { type: 'string' } },
  },
  Health: { type: 'object', required: ['status'], additionalProperties: false, description: 'A status only: no store details or counts.', properties: { status: { type: 'string', enum: ['ok', 'unavailable'] } } },
  Role: { type: 'string', enum: [...ROLES] },
  ...formConfigSchemas,
  ...legalHoldSchemas,
} as const;

export type ApiSchemaName = keyof typeof apiSchemas;
