import { API_BASE } from '../context.js';
import { auth, body, bodyErrors, common, ok, problem, secured } from './openapi-parts.js';

/** Sign-in (who the caller is, where people sign in) and embed sessions for portals. */
export function authPaths(): Record<string, unknown> {
  return {
    [`${API_BASE}/auth/me`]: {
      get: {
        tags: ['auth'],
        summary: 'Who the API takes the caller for',
        description:
          'A signed-in person (`kind: "person"`, the token’s subject and name) or a system (an API key or an embed session), with the tenant and the Skema roles the API mapped.',
        security: secured,
        responses: { '200': ok('The caller.', 'AuthMe'), '401': problem('Missing or invalid credential.'), ...common },
      },
    },
    [`${API_BASE}/auth/sign-in`]: {
      get: {
        tags: ['auth'],
        summary: 'The identity providers a browser portal can sign people in with',
        description:
          'Per municipality: issuer, public client id, scope and the API’s audience, for Authorization Code + PKCE. Public.',
        security: [],
        responses: { '200': ok('The providers.', 'SignInProviders'), ...common },
      },
    },
    [`${API_BASE}/embed-sessions`]: {
      post: {
        tags: ['auth'],
        summary: 'Open a 15-minute embed session for one form (a system key with role integration)',
        description:
          'A portal’s backend opens a session per visitor; the page puts the token in `<skema-form token>`. The token may load that form version, ' +
          'validate against it, create one submission of it and read that submission; anything else is 403. A person’s token cannot open one.',
        security: secured,
        requestBody: body('EmbedSessionRequest'),
        responses: {
          '201': ok('The session.', 'EmbedSession'),
          ...auth,
          '404': problem('No such form or version for this tenant.'),
          ...bodyErrors,
          ...common,
        },
      },
    },
  };
}
