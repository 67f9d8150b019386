import { API_BASE } from '../context.js';
import {
  headerParams,
  listCasesParams,
  pathParams,
  worklistParams,
  type ApiParameter,
} from '../schemas/api-parameters.js';
import { auth, body, bodyErrors, common, ETAG, LOCATION, ok, params, problem, secured } from './openapi-parts.js';

const caseId: ApiParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Case id.',
  schema: { type: 'string' },
};
const notFound = problem('No such case for this tenant, or you are not on its team (need to know).');
const writeErrors = {
  '404': notFound,
  '409': problem('The case is closed, or a submission already belongs to another case (`case-conflict`).'),
  '412': problem('If-Match names an older revision.'),
  '428': problem('If-Match is missing.'),
};

/** Cases (sager): one borger, the team, the submissions; prefill. 501 when the store keeps no cases. */
export function casePaths(): Record<string, unknown> {
  const tags = ['cases'];
  return {
    [`${API_BASE}/cases`]: {
      post: {
        tags,
        summary: 'Create a case',
        description:
          'A case about one borger (a name and a CPR number, a substitute number or a birth date). The caller joins the team. ' +
          '`submissionIds` attaches existing submissions. The audit entry `case.create` holds ids and counts only, never the title or the borger.',
        security: secured,
        parameters: params(),
        requestBody: body('CaseCreate'),
        responses: {
          '201': ok('The case.', 'Case', { ...ETAG, ...LOCATION }),
          ...auth,
          '409': writeErrors['409'],
          ...bodyErrors,
          ...common,
        },
      },
      get: {
        tags,
        summary: 'List cases',
        description:
          'Your cases (a `leder` sees every case of the tenant), newest change first. Items carry no CPR or substitute number.',
        security: secured,
        parameters: params(...listCasesParams),
        responses: { '200': ok('A page of cases.', 'CasePage'), ...auth, ...common },
      },
    },
    [`${API_BASE}/cases/{id}`]: {
      get: {
        tags,
        summary: 'Read a case (audited)',
        security: secured,
        parameters: params(caseId, headerParams.ifNoneMatch),
        responses: {
          '200': ok('The case.', 'Case', ETAG),
          '304': { description: 'Not modified.' },
          ...auth,
          '404': notFound,
          ...common,
        },
      },
      patch: {
        tags,
        summary: 'Change title, borger or team',
        security: secured,
        parameters: params(caseId, headerParams.ifMatch),
        requestBody: body('CaseUpdate'),
        responses: { '200': ok('The case.', 'Case', ETAG), ...auth, ...writeErrors, ...bodyErrors, ...common },
      },
    },
    [`${API_BASE}/cases/{id}/close`]: {
      post: {
        tags,
        summary: 'Close a case (lukket)',
        security: secured,
        parameters: params(caseId, headerParams.ifMatch),
        responses: { '200': ok('The closed case.', 'Case', ETAG), ...auth, ...writeErrors, ...common },
      },
    },
    [`${API_BASE}/cases/{id}/attach`]: {
      post: {
        tags,
        summary: 'Attach existing submissions',
        description: 'A submission belongs to at most one case.',
        security: secured,
        parameters: params(caseId, headerParams.ifMatch),
        requestBody: body('CaseAttach'),
        responses: { '200': ok('The case.', 'Case', ETAG), ...auth, ...writeErrors, ...bodyErrors, ...common },
      },
    },
    [`${API_BASE}/cases/{id}/submissions`]: {
      post: {
        tags,
        summary: 'Create a submission in the case',
        description:
          'Validated with the case: cross-form rules read its other submissions. Answers like `POST /submissions`, with `caseId`.',
        security: secured,
        parameters: params(caseId),
        requestBody: body('SubmissionCreate'),
        responses: {
          '201': ok('The stored submission.', 'SubmissionWriteResult', { ...ETAG, ...LOCATION }),
          ...auth,
          '404': notFound,
          '409': writeErrors['409'],
          '422': problem('The data is not valid.'),
          ...bodyErrors,
          ...common,
        },
      },
    },
    ...attachmentPaths(),
    [`${API_BASE}/worklist`]: {
      get: {
        tags,
        summary: 'Your deadlines («Mine frister»)',
        description:
          'The deadlines the rules derive from the submissions of your open cases (each with its case, so a deadline counted from a meeting recorded in another form is there), not met yet, soonest first, with the form and field they concern.',
        security: secured,
        parameters: params(...worklistParams),
        responses: { '200': ok('Deadlines.', 'Worklist'), ...auth, ...common },
      },
    },
    [`${API_BASE}/cases/{id}/prefill/{formId}`]: {
      get: {
        tags,
        summary: 'Initial data for a form in the case, with where each value came from',
        description:
          'From the form version’s `prefill.json`: case fields and the latest submission of other forms of the case. `?version=` picks the version (default `latest`). Audited as a read.',
        security: secured,
        parameters: params(caseId, pathParams.formId, {
          name: 'version',
          in: 'query',
          description: 'Form version (default `latest`).',
          schema: { type: 'string', minLength: 1 },
        }),
        responses: { '200': ok('Data and provenance.', 'PrefillResult'), ...auth, '404': notFound, ...common },
      },
    },
  };
}

const attachmentRecord = {
  type: 'object',
  required: ['id', 'tenantId', 'owner', 'fileName', 'mediaType', 'size', 'sha256', 'createdAt', 'createdBy'],
  properties: {
    id: { type: 'string' },
    tenantId: { type: 'string' },
    owner: {
      type: 'object',
      required: ['kind', 'id'],
      properties: { kind: { type: 'string', enum: ['submission', 'case'] }, id: { type: 'string' } },
    },
    fileName: { type: 'string' },
    mediaType: { type: 'string', description: 'Detected from the content (magic bytes), never from the name.' },
    size: { type: 'integer' },
    sha256: { type: 'string', description: 'Hex SHA-256 of the content.' },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'string' },
  },
} as const;

/** Uploads (streamed, before the JSON parser), lists, audited downloads and deletions of attachments. */
function attachmentPaths(): Record<string, unknown> {
  const tags = ['attachments'];
  const uploadBody = {
    required: true,
    description:
      'The file\'s bytes as the body (any Content-Type: it is ignored). The name comes from `Content-Disposition: attachment; filename="…"` (or `filename*`) or `?name=`; a name with a path is refused. ' +
      'Allowed by content: PDF, PNG, JPEG, GIF, WebP, TIFF, Word (.docx, .doc), plain text. A .docx whose central directory declares more than 100× its size (or 256 MB) unpacked is refused as a zip bomb; nothing is unpacked.',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  };
  const uploadResponses = {
    '201': { description: 'The stored attachment.', content: { 'application/json': { schema: attachmentRecord } } },
    ...auth,
    ...common,
    '400': problem(
      'A path or control characters in the file name, or an upload cut off before its end (nothing stored).',
    ),
    '404': problem('No such submission or case for you.'),
    '409': problem('The case is closed.'),
    '413': problem("Larger than the per-file limit (default 25 MB) or the tenant's remaining space; nothing stored."),
    '415': problem('The detected type is not on the allow-list (members `detected`, `allowed`); nothing stored.'),
  };
  const list = {
    description: 'Attachments.',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['items'],
          properties: { items: { type: 'array', items: attachmentRecord } },
        },
      },
    },
  };
  const ownerId = (what: string): ApiParameter => ({
    name: 'id',
    in: 'path',
    required: true,
    description: `${what} id.`,
    schema: { type: 'string' },
  });
  return {
    [`${API_BASE}/submissions/{id}/attachments`]: {
      post: {
        tags,
        summary: 'Attach a file to a submission',
        security: secured,
        parameters: params(ownerId('Submission')),
        requestBody: uploadBody,
        responses: uploadResponses,
      },
      get: {
        tags,
        summary: "A submission's attachments",
        security: secured,
        parameters: params(ownerId('Submission')),
        responses: { '200': list, ...auth, ...common },
      },
    },
    [`${API_BASE}/cases/{id}/attachments`]: {
      post: {
        tags,
        summary: 'Attach a file to a case',
        security: secured,
        parameters: params(ownerId('Case')),
        requestBody: uploadBody,
        responses: uploadResponses,
      },
      get: {
        tags,
        summary: "A case's attachments",
        security: secured,
        parameters: params(ownerId('Case')),
        responses: { '200': list, ...auth, ...common },
      },
    },
    [`${API_BASE}/attachments/{id}`]: {
      get: {
        tags,
        summary: 'Download an attachment (audited)',
        description:
          'For a reader of its submission or case; `Content-Type` is the detected type, `Content-Disposition: attachment`.',
        security: secured,
        parameters: params(ownerId('Attachment')),
        responses: {
          '200': { description: 'The file.', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
          ...auth,
          '404': problem('No such attachment for you.'),
          ...common,
        },
      },
      delete: {
        tags,
        summary: 'Delete an attachment (audited)',
        description:
          "Content and metadata, for one who may change its owner: a draft submission's file or an open case's. A submitted (or legally held) submission's files are kept (409). The retention job deletes a submission's files with it.",
        security: secured,
        parameters: params(ownerId('Attachment')),
        responses: {
          '204': { description: 'Deleted.' },
          ...auth,
          '404': problem('No such attachment for you.'),
          '409': problem('Its submission is no longer a draft or is on legal hold, or its case is closed.'),
          ...common,
        },
      },
    },
  };
}
