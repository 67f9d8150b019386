import { API_BASE } from '../context.js';
import { headerParams, pathParams } from '../schemas/api-parameters.js';
import { auth, body, bodyErrors, common, ETAG, ok, params, problem, secured } from './openapi-parts.js';

/** Setting and releasing a legal hold (spec Q17: a legal hold blocks deletion by retention). */
export function legalHoldPaths(): Record<string, unknown> {
  return {
    [`${API_BASE}/submissions/{id}/legal-hold`]: {
      put: {
        tags: ['submissions'],
        summary: 'Set or release a legal hold (role leder or admin)',
        description:
          'While `legalHold` is true the retention job never deletes the submission. The change is a new revision (action `legal-hold`, no data changes) ' +
          'and an audit entry `legal-hold` with `{legalHold, reason, revision}`; asking for the hold the submission already has changes nothing. ' +
          'It does not move `statusChangedAt`, so releasing a hold does not restart the retention period. ' +
          'The reason must not contain a CPR number (400, issues[0].code `personal-data`).',
        security: secured,
        parameters: params(pathParams.submissionId, headerParams.ifMatch),
        requestBody: body('LegalHoldChange'),
        responses: {
          '200': ok('The submission with its legal hold.', 'Submission', ETAG),
          ...auth,
          '404': problem('No such submission for this tenant.'),
          '412': problem('If-Match names an older revision.'),
          '428': problem('If-Match is missing.'),
          ...bodyErrors,
          ...common,
        },
      },
    },
  };
}
