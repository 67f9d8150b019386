import { API_BASE } from '../context.js';
import { headerParams, pathParams, type ApiParameter } from '../schemas/api-parameters.js';
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

const kind: ApiParameter = {
  name: 'kind',
  in: 'path',
  required: true,
  description: '`overlay` (a configuration of a shared form) or `form` (the tenant’s own form).',
  schema: { type: 'string', enum: ['overlay', 'form'] },
};
const configVersion: ApiParameter = {
  name: 'version',
  in: 'path',
  required: true,
  description: 'The configuration’s own version, `major.minor.patch`.',
  schema: { type: 'string' },
};
const from: ApiParameter = {
  name: 'a',
  in: 'path',
  required: true,
  description: 'The earlier version (exact, `latest` or a range).',
  schema: { type: 'string' },
};
const to: ApiParameter = {
  name: 'b',
  in: 'path',
  required: true,
  description: 'The later version (exact, `latest` or a range).',
  schema: { type: 'string' },
};

const admin = (summary: string, description?: string) => ({
  tags: ['admin'],
  summary,
  ...(description ? { description } : {}),
  security: secured,
});
const one = [kind, pathParams.formId, configVersion];
const unavailable = { '501': problem('This server has no form configuration store.') };
const untrusted = problem(
  'Malformed JSON, an invalid request, or an untrusted document (400 untrusted-document with problems[]: remote $ref, prototype keys, unsafe regular expressions, too large, deep or many keys).',
);

/** The tenant form configuration endpoints, the public diff and migration (issue #7). */
export function formConfigPaths(): Record<string, unknown> {
  return {
    [`${API_BASE}/forms/{formId}/versions/{a}/diff/{b}`]: {
      get: {
        tags: ['forms'],
        summary: 'The classified changes between two versions of a form and the semver bump they require',
        description:
          'With a key, a form the tenant created itself is compared among its own versions. Each change has its stable code (kind), its semver level, ' +
          'its text in the request’s locale (message, by Accept-Language, Danish by default) and in both languages (messages).',
        security: optionalKey,
        parameters: params(pathParams.formId, from, to),
        responses: {
          '200': ok('The diff.', 'FormDiff'),
          '401': auth['401'],
          '404': problem('Unknown form or version.'),
          ...common,
        },
      },
    },
    [`${API_BASE}/submissions/{id}/migrate`]: {
      post: {
        tags: ['submissions'],
        summary: 'Migrate a submission to a later version of its form',
        description:
          'Applies the versions’ declared migrations (JSON Patch or plugin), validates the result under the target version (the tenant’s effective form) ' +
          'and stores it as a new revision; the old revision and its receipt are kept. Nothing is stored when the result is invalid.',
        security: secured,
        parameters: params(pathParams.submissionId, headerParams.ifMatch),
        requestBody: body('MigrateRequest'),
        responses: {
          '201': ok('Migrated: the new revision.', 'SubmissionWriteResult', { ...ETAG, ...LOCATION }),
          ...auth,
          '404': problem('No such submission for this tenant, or unknown target version.'),
          '409': problem(
            'If-Match names another revision (revision-conflict), the status does not allow changes, or the tenant’s overlay does not apply to the target version.',
          ),
          '422': problem(
            'migration-invalid (errors[] of the migrated data) or migration-impossible (no migration path; reason).',
          ),
          '428': problem('If-Match is missing.'),
          ...bodyErrors,
          ...common,
        },
      },
    },
    [`${API_BASE}/admin/form-configs`]: {
      get: {
        ...admin('The tenant’s form configuration (role admin)'),
        parameters: params(),
        responses: {
          '200': ok('Every configuration record of the key’s tenant, without documents.', 'FormConfigList'),
          ...auth,
          ...unavailable,
          ...common,
        },
      },
    },
    [`${API_BASE}/admin/form-configs/preview`]: {
      post: {
        ...admin(
          'Preview the effective form of an unsaved overlay',
          'Nothing is stored. The diff compares the effective form with its base version (`from` is the base version, `to` the overlay’s version), leaving out the base version’s examples, which an effective form does not carry. `next` is the version it would be published as. Each problem has a stable code, its JSON Pointer, and its text in the request’s locale (Accept-Language) and in both languages (messages).',
        ),
        parameters: params(),
        requestBody: body('FormConfigPreviewRequest'),
        responses: {
          '200': ok('The effective form, or the problems that prevent it.', 'FormConfigPreview'),
          ...auth,
          ...unavailable,
          ...bodyErrors,
          ...common,
          '400': untrusted,
        },
      },
    },
    [`${API_BASE}/admin/form-configs/effective/{formId}`]: {
      get: {
        ...admin(
          'The overlay in effect for a shared form',
          'The key’s tenant’s overlay that applies now (the highest published version from git or the API; `source` says which, `none` for the plain shared form) and the base version it applies to. An editor starts from it, so publishing the next version keeps the earlier changes.',
        ),
        parameters: params(pathParams.formId),
        responses: {
          '200': ok('The overlay in effect and its base.', 'EffectiveFormConfig'),
          ...auth,
          '404': problem('No shared form with this id.'),
          ...unavailable,
          ...common,
        },
      },
    },
    [`${API_BASE}/admin/form-configs/{kind}/{formId}/{version}`]: {
      get: {
        ...admin('One configuration record, with its document'),
        parameters: params(...one),
        responses: {
          '200': ok('The record.', 'FormConfigRecord'),
          ...auth,
          '404': problem('No such configuration for this tenant.'),
          ...unavailable,
          ...common,
        },
      },
      put: {
        ...admin(
          'Create or replace a draft',
          'An overlay’s tenantId, formId and version (an own form’s manifest id and version) are taken from the key and the URL when omitted, and must match them when given.',
        ),
        parameters: params(...one),
        requestBody: body('FormConfigDocument'),
        responses: {
          '200': ok('The saved draft.', 'FormConfigRecord'),
          ...auth,
          '404': problem('Unknown kind.'),
          '409': problem('version-immutable: this version is published or deprecated.'),
          ...unavailable,
          ...bodyErrors,
          ...common,
          '400': untrusted,
        },
      },
    },
    [`${API_BASE}/admin/form-configs/{kind}/{formId}/{version}/check`]: {
      post: {
        ...admin(
          'Check a stored configuration',
          'Overlay shape, applies to its base, the effective form compiles, rule options, own forms’ examples, and the semver bump against the previous published version.',
        ),
        parameters: params(...one),
        responses: {
          '200': ok('The check’s result (ok or not).', 'FormConfigCheck'),
          ...auth,
          '404': problem('No such configuration for this tenant.'),
          ...unavailable,
          ...common,
        },
      },
    },
    [`${API_BASE}/admin/form-configs/{kind}/{formId}/{version}/publish`]: {
      post: {
        ...admin('Publish a draft: the tenant’s effective form changes at once'),
        parameters: params(...one),
        responses: {
          '200': ok('The published record.', 'FormConfigRecord'),
          ...auth,
          '404': problem('No such configuration for this tenant.'),
          '409': problem('Already published or deprecated.'),
          '422': problem('form-config-invalid: problems[], diff and requiredBump.'),
          ...unavailable,
          ...common,
        },
      },
    },
    [`${API_BASE}/admin/form-configs/{kind}/{formId}/{version}/deprecate`]: {
      post: {
        ...admin(
          'Deprecate a published version',
          'It no longer applies to new submissions; stored submissions keep their receipts.',
        ),
        parameters: params(...one),
        responses: {
          '200': ok('The deprecated record.', 'FormConfigRecord'),
          ...auth,
          '404': problem('No such configuration for this tenant.'),
          '409': problem('Not a published version.'),
          ...unavailable,
          ...common,
        },
      },
    },
  };
}
