import { API_BASE } from '../context.js';
import { PROBLEM_TYPES } from '../http/problem.js';
import { auditParams, headerParams, listSubmissionsParams, pathParams } from '../schemas/api-parameters.js';
import { apiSchemas } from '../schemas/api-schemas.js';
import { formConfigPaths } from './form-config-paths.js';
import type { RequestExamples } from './form-examples.js';
import { approvalPaths } from './approval-paths.js';
import { authPaths } from './auth-paths.js';
import { legalHoldPaths } from './legal-hold-paths.js';
import { webhookPaths } from './webhook-paths.js';
import { casePaths } from './case-paths.js';
import {
  auth,
  body,
  bodyErrors,
  common,
  ETAG,
  LOCATION,
  ok,
  optionalKey,
  params,
  problem,
  secured,
} from './openapi-parts.js';

/**
 * The OpenAPI 3.1 document, generated from the same schema objects that validate request
 * bodies, so the document cannot drift from what the server checks.
 */
export function buildOpenApiDocument(
  examples: RequestExamples = { create: {}, validate: {} },
): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Skema API',
      version: '1.0.0',
      description:
        'Versioned forms, validation and submissions for Danish municipalities and VISO. Texts follow Accept-Language (da default, en). ' +
        'Errors are RFC 9457 problem details (application/problem+json); validation problems carry issues[] with a JSON Pointer path and a rule id or keyword as code.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'forms' },
      { name: 'validation' },
      { name: 'submissions' },
      { name: 'rules' },
      { name: 'audit' },
      { name: 'cases' },
      { name: 'attachments' },
      { name: 'auth' },
      { name: 'admin' },
      { name: 'webhooks' },
      { name: 'operations' },
    ],
    paths: {
      [`${API_BASE}/forms`]: {
        get: {
          tags: ['forms'],
          summary: 'List forms and their versions',
          description:
            "With a key, the key's tenant's list: only the versions it can open (an overlay pinned to a base range lists those), with its overlays' titles and hashes, and its own forms.",
          security: optionalKey,
          parameters: params(headerParams.ifNoneMatch),
          responses: { '200': ok('Forms.', 'FormList', ETAG), '304': { description: 'Not modified.' }, ...common },
        },
      },
      [`${API_BASE}/forms/{formId}`]: {
        get: {
          tags: ['forms'],
          summary: 'One form and its versions',
          security: optionalKey,
          parameters: params(pathParams.formId, headerParams.ifNoneMatch),
          responses: {
            '200': ok('The form.', 'FormSummary', ETAG),
            '304': { description: 'Not modified.' },
            '404': problem('Unknown form.'),
            ...common,
          },
        },
      },
      [`${API_BASE}/forms/{formId}/versions/{version}`]: {
        get: {
          tags: ['forms'],
          summary: 'A form version: schema, UI schema, texts, plugins and content hash',
          description:
            'The ETag is the content hash. An exact published version is immutable (Cache-Control: immutable); `latest` is not. ' +
            'With an API key, the answer is the tenant’s: its overlay of the form, `tenantRuleOptions` when the tenant configures rule options ' +
            'and `tenantCalendar` when it sets working-day calendar options (then Cache-Control is private and the ETag also covers the options). The answer varies by Authorization.',
          security: optionalKey,
          parameters: params(pathParams.formId, pathParams.version, headerParams.ifNoneMatch),
          responses: {
            '200': ok('The form version.', 'FormVersion', ETAG),
            '304': { description: 'Not modified.' },
            '401': auth['401'],
            '404': problem('Unknown form or version.'),
            ...common,
          },
        },
      },
      [`${API_BASE}/forms/{formId}/versions/{version}/validate`]: {
        post: {
          tags: ['validation'],
          summary: 'Validate data against a form version without storing it',
          description: 'No key needed; with a key, the tenant’s rule options apply.',
          security: optionalKey,
          parameters: params(pathParams.formId, pathParams.version),
          requestBody: body('ValidateRequest', examples.validate),
          responses: {
            '200': ok('The validation result (valid or not).', 'ValidationResult'),
            '401': auth['401'],
            '404': problem('Unknown form or version.'),
            ...bodyErrors,
            ...common,
          },
        },
      },
      [`${API_BASE}/submissions`]: {
        get: {
          tags: ['submissions'],
          summary: 'List the tenant’s submissions',
          description:
            'A list is bulk access (DP-02): each item’s `data` comes without its sensitive values (CPR numbers and fields tagged `x-skema-sensitive`), and `redacted` names what was removed. `GET /submissions/{id}` reads the full record; every such read is audited with the categories of sensitive data it disclosed.',
          security: secured,
          parameters: params(...listSubmissionsParams),
          responses: {
            '200': ok('A page of submissions without their sensitive values.', 'SubmissionPage'),
            ...auth,
            ...common,
          },
        },
        post: {
          tags: ['submissions'],
          summary: 'Create a submission (draft or submitted)',
          description:
            'Drafts are checked for types and formats only; submitted needs no errors. Warnings are returned.',
          security: secured,
          parameters: params(headerParams.idempotencyKey),
          requestBody: body('SubmissionCreate', examples.create),
          responses: {
            '201': ok('Created (or the first result of an idempotent retry).', 'SubmissionWriteResult', {
              ...ETAG,
              ...LOCATION,
            }),
            ...auth,
            '404': problem('Unknown form or version.'),
            '409': problem('The status cannot be reached by creation.'),
            '422': problem('Invalid data (issues[]) or an Idempotency-Key reused with another body.'),
            ...bodyErrors,
            ...common,
          },
        },
      },
      [`${API_BASE}/submissions/{id}`]: {
        get: {
          tags: ['submissions'],
          summary: 'Read a submission',
          description:
            'The full record, sensitive values included (DP-02); the audit entry of the read records the categories of sensitive data disclosed, never the values.',
          security: secured,
          parameters: params(pathParams.submissionId, headerParams.ifNoneMatch),
          responses: {
            '200': ok('The submission.', 'Submission', ETAG),
            '304': { description: 'Not modified.' },
            ...auth,
            '404': problem('No such submission for this tenant.'),
            ...common,
          },
        },
        put: {
          tags: ['submissions'],
          summary: 'Replace a submission’s data',
          security: secured,
          parameters: params(pathParams.submissionId, headerParams.ifMatch),
          requestBody: body('SubmissionUpdate'),
          responses: {
            '200': ok('Updated.', 'SubmissionWriteResult', ETAG),
            ...auth,
            '404': problem('No such submission for this tenant, or unknown form version.'),
            '409': problem('The submission’s status does not allow changes.'),
            '412': problem('If-Match names an older revision.'),
            '422': problem('Invalid data (issues[]).'),
            '428': problem('If-Match is missing.'),
            ...bodyErrors,
            ...common,
          },
        },
      },
      [`${API_BASE}/submissions/{id}/status`]: {
        post: {
          tags: ['submissions'],
          summary: 'Change a submission’s status',
          description:
            'Moves along draft → submitted → approved | rejected (→ draft), or → withdrawn, under the form’s transition guards. ' +
            'When a transition guard needs a further approval (e.g. by a second person), the approval is recorded and 202 lists pendingApprovals.',
          security: secured,
          parameters: params(pathParams.submissionId, headerParams.ifMatch),
          requestBody: body('StatusChange'),
          responses: {
            '200': ok('Status changed.', 'SubmissionWriteResult', ETAG),
            '202': ok('Approval recorded; more approvals are pending.', 'SubmissionWriteResult', ETAG),
            ...auth,
            '404': problem('No such submission for this tenant.'),
            '409': problem('Transition not allowed from the current status.'),
            '412': problem('If-Match names an older revision.'),
            '422': problem('The data has errors, so the status cannot be reached.'),
            '428': problem('If-Match is missing.'),
            ...bodyErrors,
            ...common,
          },
        },
      },
      [`${API_BASE}/submissions/{id}/revisions`]: {
        get: {
          tags: ['submissions'],
          summary: 'The submission’s revisions: who, when, what action, what changed (JSON Patch)',
          security: secured,
          parameters: params(pathParams.submissionId),
          responses: {
            '200': ok('Revisions, oldest first.', 'RevisionList'),
            ...auth,
            '404': problem('No such submission for this tenant.'),
            ...common,
          },
        },
      },
      ...legalHoldPaths(),
      ...webhookPaths(),
      ...approvalPaths(),
      ...authPaths(),
      ...casePaths(),
      ...formConfigPaths(),
      [`${API_BASE}/rules`]: {
        get: {
          tags: ['rules'],
          summary: 'The rule catalogue',
          security: optionalKey,
          parameters: params(),
          responses: { '200': ok('Rules and deadlines.', 'RuleList'), ...common },
        },
      },
      [`${API_BASE}/audit`]: {
        get: {
          tags: ['audit'],
          summary: 'The tenant’s audit log (role auditor or admin)',
          security: secured,
          parameters: params(...auditParams),
          responses: { '200': ok('A page of audit entries.', 'AuditPage'), ...auth, ...common },
        },
      },
      [`${API_BASE}/openapi.json`]: {
        get: {
          tags: ['operations'],
          summary: 'This document',
          security: optionalKey,
          responses: {
            '200': {
              description: 'OpenAPI 3.1 document.',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
      '/healthz': {
        get: {
          tags: ['operations'],
          summary: 'Liveness',
          security: [],
          responses: { '200': ok('The process is up.', 'Health') },
        },
      },
      '/readyz': {
        get: {
          tags: ['operations'],
          summary: 'Readiness (the store answers)',
          security: [],
          responses: { '200': ok('Ready.', 'Health'), '503': ok('The store is not available.', 'Health') },
        },
      },
      '/metrics': {
        get: {
          tags: ['operations'],
          summary: 'Prometheus metrics',
          description:
            'Needs the metrics token (`METRICS_TOKEN` / `metricsToken`), not an API key. Without a configured token, and for a wrong token, 404 (development serves it openly).',
          security: [{ metricsToken: [] }],
          responses: {
            '200': {
              description: 'Prometheus text format.',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
            '404': problem('No metrics token is configured, or the token is wrong.'),
          },
        },
      },
    },
    components: {
      schemas: apiSchemas,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <API key>' },
        metricsToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'Authorization: Bearer <metrics token> (GET /metrics only)',
        },
      },
    },
    'x-problem-types': Object.fromEntries(
      Object.entries(PROBLEM_TYPES).map(([slug, p]) => [slug, { status: p.status, title: p.title.en }]),
    ),
  };
}
