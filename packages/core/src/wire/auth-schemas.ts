import { dateTime } from './common-schemas.js';

/** Sign-in and embed sessions: who the caller is, where people sign in, and a portal's short-lived token. */
export const authSchemas = {
  EmbedSessionRequest: {
    type: 'object',
    required: ['formId', 'version'],
    properties: {
      formId: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
      version: {
        type: 'string',
        description: 'An exact version (x.y.z) or `latest`; the session is pinned to the version it resolves to.',
      },
    },
  },
  EmbedSession: {
    type: 'object',
    required: ['token', 'expiresAt', 'formId', 'version'],
    properties: {
      token: { type: 'string', description: 'Opaque; for `<skema-form token>` on one page, never stored.' },
      expiresAt: dateTime,
      formId: { type: 'string' },
      version: { type: 'string' },
    },
  },
  AuthMe: {
    type: 'object',
    required: ['kind', 'subject', 'tenantId', 'tenantName', 'roles'],
    properties: {
      kind: {
        type: 'string',
        enum: ['person', 'system'],
        description: '`person`: a signed-in person (OIDC); `system`: an API key or an embed session.',
      },
      subject: { type: 'string' },
      name: { type: 'string' },
      tenantId: { type: 'string' },
      tenantName: { type: 'string' },
      roles: { type: 'array', items: { type: 'string' } },
      scope: {
        type: 'object',
        required: ['kind', 'formId', 'version'],
        properties: {
          kind: { type: 'string', enum: ['embed'] },
          formId: { type: 'string' },
          version: { type: 'string' },
        },
      },
    },
  },
  SignInProviders: {
    type: 'object',
    required: ['providers'],
    properties: {
      providers: {
        type: 'array',
        items: {
          type: 'object',
          required: ['tenantId', 'tenantName', 'issuer', 'clientId', 'scope', 'audience'],
          properties: {
            tenantId: { type: 'string' },
            tenantName: { type: 'string' },
            issuer: { type: 'string' },
            clientId: { type: 'string' },
            scope: { type: 'string' },
            audience: { type: 'string' },
          },
        },
      },
    },
  },
} as const;
