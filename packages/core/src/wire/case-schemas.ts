import { dateTime, ref } from './common-schemas.js';

const caseStatus = {
  type: 'string',
  enum: ['open', 'closed'],
  description: '`open` (åben) or `closed` (lukket).',
} as const;
const title = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } as const;
const team = {
  type: 'array',
  maxItems: 100,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: 200 },
  description: 'Actor ids of the people working on the case (the need-to-know group).',
} as const;

/** Case bodies: create, update, attach, the case, its list, and prefill answers. */
export const caseSchemas = {
  CaseBorger: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    description: 'Who the case is about: a name and one of CPR number, substitute CPR number or birth date.',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
      cpr: { type: 'string', pattern: '^\\d{6}-?\\d{4}$' },
      substituteCpr: { type: 'string', minLength: 1, maxLength: 20 },
      birthDate: { type: 'string', format: 'date' },
    },
  },
  CaseCreate: {
    type: 'object',
    required: ['title', 'borger'],
    additionalProperties: false,
    properties: {
      title,
      borger: ref('CaseBorger'),
      team,
      submissionIds: {
        type: 'array',
        maxItems: 100,
        items: { type: 'string', minLength: 1, maxLength: 128 },
        description: 'Existing submissions to attach.',
      },
    },
  },
  CaseUpdate: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { title, borger: ref('CaseBorger'), team },
  },
  CaseAttach: {
    type: 'object',
    required: ['submissionIds'],
    additionalProperties: false,
    properties: {
      submissionIds: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: { type: 'string', minLength: 1, maxLength: 128 },
      },
    },
  },
  CaseMember: {
    type: 'object',
    required: ['submissionId', 'formId', 'attachedAt'],
    properties: { submissionId: { type: 'string' }, formId: { type: 'string' }, attachedAt: dateTime },
  },
  Case: {
    type: 'object',
    required: [
      'id',
      'tenantId',
      'title',
      'borger',
      'team',
      'status',
      'submissions',
      'revision',
      'createdAt',
      'updatedAt',
      'createdBy',
      'updatedBy',
    ],
    properties: {
      id: { type: 'string' },
      tenantId: { type: 'string' },
      title: { type: 'string' },
      borger: ref('CaseBorger'),
      team: { type: 'array', items: { type: 'string' } },
      status: caseStatus,
      submissions: { type: 'array', items: ref('CaseMember') },
      revision: { type: 'integer', minimum: 1 },
      createdAt: dateTime,
      updatedAt: dateTime,
      createdBy: { type: 'string' },
      updatedBy: { type: 'string' },
    },
  },
  CasePage: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ref('Case') }, nextCursor: { type: 'string' } },
  },
  WorklistItem: {
    type: 'object',
    required: [
      'ruleId',
      'path',
      'label',
      'due',
      'basis',
      'status',
      'caseId',
      'caseTitle',
      'submissionId',
      'formId',
      'version',
    ],
    description: 'A derived deadline of a submission in one of your open cases, not met yet.',
    properties: {
      ruleId: { type: 'string' },
      path: { type: 'string', description: 'The field it concerns (JSON Pointer into the submission’s data).' },
      label: ref('LocalizedText'),
      due: { type: 'string', format: 'date' },
      basis: {
        type: 'object',
        required: ['from', 'amount', 'unit'],
        properties: { from: { type: 'string' }, amount: { type: 'number' }, unit: { type: 'string' } },
      },
      status: { type: 'string', enum: ['pending', 'overdue'] },
      caseId: { type: 'string' },
      caseTitle: { type: 'string' },
      submissionId: { type: 'string' },
      formId: { type: 'string' },
      version: { type: 'string' },
    },
  },
  Worklist: {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ref('WorklistItem') } },
  },
  PrefillSource: {
    type: 'object',
    required: ['kind'],
    description:
      'Where a prefilled value came from: a field of the case, or a pointer in the latest submission of another form of the case.',
    properties: {
      kind: { type: 'string', enum: ['case', 'submission'] },
      field: { type: 'string' },
      formId: { type: 'string' },
      submissionId: { type: 'string' },
      pointer: { type: 'string' },
      label: ref('LocalizedText'),
    },
  },
  PrefillResult: {
    type: 'object',
    required: ['formId', 'version', 'data', 'provenance'],
    properties: {
      formId: { type: 'string' },
      version: { type: 'string' },
      data: { type: 'object', additionalProperties: true },
      provenance: {
        type: 'object',
        additionalProperties: ref('PrefillSource'),
        description: 'By JSON Pointer into `data`.',
      },
    },
  },
} as const;
