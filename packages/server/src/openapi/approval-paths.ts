import { API_BASE } from '../context.js';
import { headerParams, pathParams } from '../schemas/api-parameters.js';
import { auth, body, bodyErrors, common, ETAG, ok, params, problem, secured } from './openapi-parts.js';

/** Approvals by signed-in people and assignment (need-to-know access). */
export function approvalPaths(): Record<string, unknown> {
  return {
    [`${API_BASE}/submissions/{id}/approvals`]: {
      post: {
        tags: ['submissions'],
        summary: 'Approve or reject as a signed-in person (co-signature, fagkonsulent’s and leder’s approval)',
        description:
          'Only a signed-in person (an OIDC access token, `kind: "person"`) approves; an API key is refused with 403 whatever its roles. ' +
          'The person must hold `role` (caseworker, fagkonsulent or leder). The approval is recorded on the submission and a new revision ' +
          '(action `approval`) with the person’s subject and name, the role, the time and the decision; the status is unchanged, and the forms’ ' +
          'plugins’ transition guards (e.g. co-signature, high-price approval) read these approvals when the status changes. ' +
          'Where a plugin declares an approval transition for the form, status and role (e.g. a plan’s approval), the approval also moves the submission ' +
          'on when its guards allow it: a second revision (action `status`), and the answer shows the new status. The same approval again changes nothing ' +
          '(200, same revision); the same person approving in another role is 409 `already-approved` (one person counts once). An edit of the data ' +
          'voids approvals; names typed into a form are never approvals.',
        security: secured,
        parameters: params(pathParams.submissionId, headerParams.ifMatch),
        requestBody: body('ApprovalRequest'),
        responses: {
          '200': ok('The submission with its approvals.', 'Submission', ETAG),
          ...auth,
          '404': problem('No such submission for this tenant, or not one the caller may see.'),
          '409': problem(
            'Approved already in another role (`already-approved`), or the submission is final (`not-editable`).',
          ),
          '412': problem('If-Match names an older revision.'),
          '428': problem('If-Match is missing.'),
          ...bodyErrors,
          ...common,
        },
      },
    },
    [`${API_BASE}/submissions/{id}/assignees`]: {
      put: {
        tags: ['submissions'],
        summary: 'Assign people to a submission (role leder)',
        description:
          'Replaces the list of people assigned (actor ids, a person’s is `oidc:<subject>`); they may then see the submission when its form is ' +
          'need-to-know. A revision with action `assign`; the same list again changes nothing.',
        security: secured,
        parameters: params(pathParams.submissionId, headerParams.ifMatch),
        requestBody: body('AssigneesChange'),
        responses: {
          '200': ok('The submission with its assignees.', 'Submission', ETAG),
          ...auth,
          '404': problem('No such submission for this tenant, or not one the caller may see.'),
          '412': problem('If-Match names an older revision.'),
          '428': problem('If-Match is missing.'),
          ...bodyErrors,
          ...common,
        },
      },
    },
  };
}
