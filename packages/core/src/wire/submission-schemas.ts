import { dateTime, ref, submissionStatus } from './common-schemas.js';

/**
 * Form data on the wire: any JSON object, checked against the form version's schema by the
 * server. `additionalProperties: true` keeps it open in generated clients (openapi-typescript
 * turns a bare `type: object` into `Record<string, never>`, which no real data fits).
 */
const formData = {
  type: 'object',
  additionalProperties: true,
  description:
    'The form data: an object valid against the form version’s schema (`GET /forms/{formId}/versions/{version}`).',
} as const;

/** Submission bodies: create, update, status, legal hold, and the views the API answers with. */
export const submissionSchemas = {
  SubmissionCreate: {
    type: 'object',
    required: ['formId', 'version', 'data', 'status'],
    additionalProperties: false,
    properties: {
      formId: { type: 'string', minLength: 1, maxLength: 100 },
      version: {
        type: 'string',
        minLength: 1,
        maxLength: 50,
        description: 'Exact version, `latest` or a semver range.',
      },
      data: formData,
      status: { type: 'string', enum: ['draft', 'submitted'] },
    },
  },
  SubmissionUpdate: {
    type: 'object',
    required: ['data'],
    additionalProperties: false,
    properties: {
      data: formData,
      version: {
        type: 'string',
        minLength: 1,
        maxLength: 50,
        description: 'Move the submission to another version of its form.',
      },
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
    required: [
      'id',
      'tenantId',
      'formId',
      'version',
      'status',
      'data',
      'revision',
      'receipt',
      'createdAt',
      'updatedAt',
      'createdBy',
      'updatedBy',
    ],
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
      statusChangedAt: {
        ...dateTime,
        description: 'When the submission entered its current status; retention counts from it.',
      },
      createdBy: { type: 'string' },
      updatedBy: { type: 'string' },
      legalHold: { type: 'boolean' },
      approvals: {
        type: 'array',
        items: ref('Approval'),
        description:
          'Approvals and co-signatures recorded since the content last changed. Only those with `kind: "person"` count; others are history.',
      },
      assignees: {
        type: 'array',
        items: { type: 'string' },
        description:
          'Actor ids (a person’s is `oidc:<subject>`) of the people a leder assigned: they may see the submission (need-to-know).',
      },
    },
  },
  Approval: {
    type: 'object',
    required: ['actorId', 'role', 'at', 'decision', 'revision'],
    properties: {
      actorId: { type: 'string', description: 'Who: `oidc:<subject>` for a signed-in person.' },
      actorName: { type: 'string', description: 'The person’s name from the identity provider.' },
      subject: { type: 'string', description: 'The person’s subject at the identity provider.' },
      kind: {
        type: 'string',
        enum: ['person', 'system'],
        description:
          '`person`: given by a signed-in person, the only kind that counts. Absent on approvals recorded before approvals were acts of people (not verified).',
      },
      role: { type: 'string', description: 'The role the approval was given in, e.g. `fagkonsulent` or `leder`.' },
      at: dateTime,
      decision: submissionStatus,
      revision: { type: 'integer', minimum: 1, description: 'The revision that recorded it.' },
      comment: { type: 'string' },
    },
  },
  ApprovalRequest: {
    type: 'object',
    required: ['role', 'decision'],
    additionalProperties: false,
    properties: {
      role: {
        type: 'string',
        minLength: 1,
        maxLength: 50,
        description:
          'The role the signed-in person approves in; they must hold it (caseworker, fagkonsulent or leder).',
      },
      decision: { type: 'string', enum: ['approved', 'rejected'] },
      comment: { type: 'string', maxLength: 2000, description: 'Kept on the approval; no CPR numbers.' },
    },
  },
  AssigneesChange: {
    type: 'object',
    required: ['assignees'],
    additionalProperties: false,
    properties: {
      assignees: {
        type: 'array',
        maxItems: 50,
        uniqueItems: true,
        items: { type: 'string', minLength: 1, maxLength: 200 },
        description:
          'Actor ids of the people assigned (a person’s is `oidc:<subject>`); replaces the list, `[]` clears it.',
      },
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
        description:
          'JSON Pointers into `data` of values withheld from the fields the list policy names (a sensitive array element takes its whole array with it); `""` when all of `data` was withheld (the policy names nothing for the form, or its form is unknown).',
      },
      caseSummary: {
        type: 'object',
        description: 'The case the submission belongs to (absent when it is in none). Never the case’s borger.',
        required: ['id', 'title'],
        properties: { id: { type: 'string' }, title: { type: 'string' } },
      },
      creator: {
        type: 'object',
        description:
          'Who created the submission: a signed-in person’s name (`person`, their subject when no name was recorded), or the API key’s id (`system`).',
        required: ['kind', 'label'],
        properties: { kind: { enum: ['person', 'system'] }, label: { type: 'string' } },
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
      action: { type: 'string', enum: ['create', 'update', 'status', 'migrate', 'legal-hold', 'approval', 'assign'] },
      by: { type: 'string' },
      at: dateTime,
      status: submissionStatus,
      formId: { type: 'string' },
      version: { type: 'string' },
      changes: {
        type: 'array',
        description: 'RFC 6902 operations on `{status, version, data}` from the previous revision.',
        items: {
          type: 'object',
          required: ['op', 'path'],
          properties: { op: { type: 'string' }, path: { type: 'string' } },
        },
      },
      approvals: {
        type: 'array',
        items: ref('Approval'),
        description: 'The approvals as of this revision (absent when none).',
      },
      referenceDate: {
        type: 'string',
        format: 'date',
        description:
          'The date this revision was judged on: the date the platform received the submission, stamped on its first submission (absent before it).',
      },
    },
  },
  RevisionList: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ref('Revision') } },
  },
  LegalHoldChange: {
    type: 'object',
    required: ['hold', 'reason'],
    additionalProperties: false,
    properties: {
      hold: {
        type: 'boolean',
        description: '`true` sets a legal hold (the retention job keeps the submission), `false` releases it.',
      },
      reason: {
        type: 'string',
        minLength: 1,
        maxLength: 500,
        pattern: '\\S',
        description:
          'Why, kept in the audit log: a case or court reference, never personal data (a CPR-like number is refused).',
      },
    },
  },
} as const;
