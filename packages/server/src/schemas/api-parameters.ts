import { apiSchemas } from './api-schemas.js';

/** A query or path parameter, defined once for request checks and the OpenAPI document. */
export interface ApiParameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description: string;
  schema: Record<string, unknown>;
}

export const pathParams = {
  formId: { name: 'formId', in: 'path', required: true, description: 'Form id, as `GET /forms` lists it.', schema: { type: 'string' } },
  version: {
    name: 'version',
    in: 'path',
    required: true,
    description: 'Exact version, `latest` (highest published) or a semver range.',
    schema: { type: 'string' },
  },
  submissionId: { name: 'id', in: 'path', required: true, description: 'Submission id.', schema: { type: 'string' } },
} satisfies Record<string, ApiParameter>;

export const headerParams = {
  idempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    description: 'Makes a create safe to retry: a retry with the same key and body returns the first result.',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  ifMatch: {
    name: 'If-Match',
    in: 'header',
    required: true,
    description: 'The ETag (`"<id>:<revision>"`) of the revision the change is based on, or `*` for whichever revision is current (a concurrent change is then re-read, not refused). Without it: 428.',
    schema: { type: 'string' },
  },
  ifNoneMatch: { name: 'If-None-Match', in: 'header', description: 'An ETag from an earlier response; 304 when unchanged.', schema: { type: 'string' } },
  acceptLanguage: { name: 'Accept-Language', in: 'header', description: '`da` (default) or `en`.', schema: { type: 'string' } },
} satisfies Record<string, ApiParameter>;

const pageParams: ApiParameter[] = [
  { name: 'limit', in: 'query', description: 'Page size (1–100, default 50).', schema: { type: 'integer', minimum: 1, maximum: 100 } },
  { name: 'cursor', in: 'query', description: '`nextCursor` of the previous page.', schema: { type: 'string', minLength: 1 } },
];

export const listSubmissionsParams: ApiParameter[] = [
  { name: 'formId', in: 'query', description: 'Only submissions of this form.', schema: { type: 'string', minLength: 1 } },
  { name: 'version', in: 'query', description: 'Only submissions of this form version.', schema: { type: 'string', minLength: 1 } },
  { name: 'status', in: 'query', description: 'Only submissions in this status.', schema: apiSchemas.SubmissionStatus },
  { name: 'updatedSince', in: 'query', description: 'Only submissions updated at or after this time.', schema: { type: 'string', format: 'date-time' } },
  {
    name: 'q',
    in: 'query',
    description:
      'Text search (case-insensitive, part of a word) over what the list shows the caller: the kvitteringsnummer (id), the form’s title, the case’s id (exact) and title, and the data fields the tenant’s list policy shows (e.g. the child’s name). Never hidden fields, the case’s borger or CPR numbers. Newest change first, paged as without it.',
    schema: { type: 'string', minLength: 1, maxLength: 100 },
  },
  ...pageParams,
];

export const listCasesParams: ApiParameter[] = [
  { name: 'status', in: 'query', description: 'Only open or only closed cases.', schema: { type: 'string', enum: ['open', 'closed'] } },
  { name: 'member', in: 'query', description: 'Only cases whose team names this actor id (without an oversight role: only your own).', schema: { type: 'string', minLength: 1 } },
  { name: 'formId', in: 'query', description: 'Only cases with a submission of this form.', schema: { type: 'string', minLength: 1 } },
  { name: 'q', in: 'query', description: 'Text in the title or the child’s name (case-insensitive).', schema: { type: 'string', minLength: 1, maxLength: 100 } },
  ...pageParams,
];

export const worklistParams: ApiParameter[] = [
  { name: 'until', in: 'query', description: 'Only deadlines on or before this date (default: every deadline not met).', schema: { type: 'string', format: 'date' } },
];

export const auditParams: ApiParameter[] = [
  { name: 'submissionId', in: 'query', description: 'Only entries about this submission.', schema: { type: 'string', minLength: 1 } },
  { name: 'since', in: 'query', description: 'Only entries at or after this time.', schema: { type: 'string', format: 'date-time' } },
  ...pageParams,
];
