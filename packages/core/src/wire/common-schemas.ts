/**
 * The API's shared response members and its validation bodies, as JSON Schema (2020-12, the
 * dialect of OpenAPI 3.1). `wireSchemas` gathers them; references point into it by name.
 */
export const ref = <N extends string>(name: N) => ({ $ref: `#/components/schemas/${name}` }) as const;

const localizedText = {
  type: 'object',
  required: ['da', 'en'],
  properties: { da: { type: 'string' }, en: { type: 'string' } },
} as const;

export const submissionStatus = {
  type: 'string',
  enum: ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'],
} as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
const truncated = (description: string) =>
  ({
    type: 'object',
    required: ['errors', 'warnings'],
    description,
    properties: { errors: { type: 'integer', minimum: 0 }, warnings: { type: 'integer', minimum: 0 } },
  }) as const;

export const commonSchemas = {
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
      problems: {
        type: 'array',
        items: ref('ConfigProblem'),
        description:
          'untrusted-document, form-config-invalid: each problem with its JSON Pointer, stable code and texts (message in the request’s locale, messages in Danish and English).',
      },
      diff: ref('FormDiff'),
      requiredBump: { type: 'string', enum: ['none', 'patch', 'minor', 'major'] },
      errors: {
        type: 'array',
        items: ref('ValidationIssue'),
        description: 'migration-invalid: the validation errors of the migrated data.',
      },
      reason: { type: 'string', description: 'migration-impossible: why no migration path exists.' },
      limit: {
        type: 'object',
        required: ['name', 'max'],
        description:
          'payload-too-large: the limit the request broke (`bodyBytes`, `dataNodes`, `dataDepth`, `arrayLength`) and its value.',
        properties: {
          name: { type: 'string', enum: ['bodyBytes', 'dataNodes', 'dataDepth', 'arrayLength'] },
          max: { type: 'integer' },
        },
      },
      truncated: truncated(
        'validation-failed, migration-invalid: present when more issues were found than reported; the totals.',
      ),
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
        items: {
          type: 'object',
          required: ['name', 'version'],
          properties: { name: { type: 'string' }, version: { type: 'string' } },
        },
      },
      validatedAt: dateTime,
      overlay: {
        type: 'object',
        required: ['tenantId', 'version', 'hash'],
        description: 'Set when the form is a tenant’s effective form (base form + overlay): the overlay that was used.',
        properties: { tenantId: { type: 'string' }, version: { type: 'string' }, hash: { type: 'string' } },
      },
      referenceDate: {
        type: 'string',
        format: 'date',
        description:
          'The date the rules judged ages and deadlines on: the date the platform received the submission (Europe/Copenhagen), stamped on its first submission and kept by every later revision. Absent for a draft never submitted and for data validated on its own.',
      },
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
      truncated: truncated(
        'Present only when issues were left out: at most 100 errors and 100 warnings are reported; these are the totals found.',
      ),
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
      caseId: {
        type: 'string',
        minLength: 1,
        maxLength: 128,
        description: 'Validate as a submission of this case: cross-form rules read its other submissions.',
      },
    },
  },
} as const;
