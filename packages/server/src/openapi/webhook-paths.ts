import { OUTBOX_EVENT_TYPES } from '@skema/core';
import { API_BASE } from '../context.js';
import { pathParams } from '../schemas/api-parameters.js';
import { auth, common, params, problem, secured } from './openapi-parts.js';

const jsonOf = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });

const subscription = {
  type: 'object',
  required: ['id', 'url', 'events', 'archive', 'enabled', 'source'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string', format: 'uri' },
    events: { type: 'array', items: { enum: ['*', ...OUTBOX_EVENT_TYPES] } },
    archive: {
      type: 'boolean',
      description: 'The tenant’s archive: retention waits until it acknowledged the final document.',
    },
    allowPrivateNetwork: { type: 'boolean' },
    enabled: { type: 'boolean' },
    disabledReason: { type: 'string' },
    source: { enum: ['config', 'api'] },
    secret: {
      type: 'string',
      description: 'Only in the answer that created the subscription with a generated secret.',
    },
  },
} as const;

const delivery = {
  type: 'object',
  required: ['id', 'eventId', 'eventType', 'subscriptionId', 'status', 'attempts'],
  properties: {
    id: { type: 'string' },
    eventId: { type: 'string', description: 'The `webhook-id`: the same on every attempt.' },
    eventType: { enum: [...OUTBOX_EVENT_TYPES] },
    submissionId: { type: 'string' },
    subscriptionId: { type: 'string' },
    archive: { type: 'boolean' },
    status: { enum: ['pending', 'delivered', 'failed'] },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'string', format: 'date-time' },
    lastAttemptAt: { type: 'string', format: 'date-time' },
    lastStatusCode: { type: 'integer' },
    lastError: { type: 'string' },
    deliveredAt: { type: 'string', format: 'date-time' },
  },
} as const;

const idParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const query = (name: string, schema: Record<string, unknown>, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/** The case document and the webhooks (issue #15). */
export function webhookPaths(): Record<string, unknown> {
  return {
    [`${API_BASE}/submissions/{id}/document.pdf`]: {
      get: {
        tags: ['submissions'],
        summary: 'The archival PDF/A-3a case document of a revision',
        description:
          'Rendered with the tenant’s effective form version, the stored receipt, the warnings and deadlines of a fresh validation, the revision’s approvals and who submitted. ' +
          'Audited like a read (the categories of sensitive data it discloses). CPR numbers are shown as DDMMYY-XXXX unless the tenant’s `documents.showCpr` allows them. ' +
          'Roles: those that read submissions, auditor, integration (an archive fetching what `submission.document-ready` announced).',
        security: secured,
        parameters: [
          ...params(pathParams.submissionId),
          query('revision', { type: 'integer', minimum: 1 }, 'A revision (default the current one).'),
          query('locale', { enum: ['da', 'en'] }, 'Language (default from Accept-Language, else da).'),
        ],
        responses: {
          '200': {
            description: 'The PDF.',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          ...auth,
          '404': problem('No such submission (or revision) for this tenant.'),
          ...common,
        },
      },
    },
    [`${API_BASE}/admin/webhooks`]: {
      get: {
        tags: ['webhooks'],
        summary: 'The tenant’s webhook subscriptions (role admin; never their secrets)',
        security: secured,
        responses: {
          '200': {
            description: 'Subscriptions.',
            content: jsonOf({ type: 'object', properties: { items: { type: 'array', items: subscription } } }),
          },
          ...auth,
          ...common,
        },
      },
    },
    [`${API_BASE}/admin/webhooks/{subscriptionId}`]: {
      put: {
        tags: ['webhooks'],
        summary: 'Create or replace a subscription (role admin)',
        description:
          'Events are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the subscription’s secret (`whsec_…`, generated and shown once when left out). ' +
          'URLs must use https outside development; loopback, link-local and private addresses are refused unless `allowPrivateNetwork`. Subscriptions kept in SKEMA_CONFIG cannot be changed here (409).',
        security: secured,
        parameters: [idParam('subscriptionId', 'The subscription id (a-z, 0-9, _ and -).')],
        requestBody: {
          required: true,
          content: jsonOf({
            type: 'object',
            required: ['url'],
            properties: {
              url: { type: 'string' },
              events: subscription.properties.events,
              secret: { type: 'string' },
              archive: { type: 'boolean' },
              allowPrivateNetwork: { type: 'boolean' },
              enabled: { type: 'boolean' },
            },
          }),
        },
        responses: {
          '200': { description: 'Replaced.', content: jsonOf(subscription) },
          '201': { description: 'Created.', content: jsonOf(subscription) },
          ...auth,
          '409': problem('Kept in the configuration file.'),
          ...common,
        },
      },
      delete: {
        tags: ['webhooks'],
        summary: 'Delete a subscription (role admin)',
        security: secured,
        parameters: [idParam('subscriptionId', 'The subscription id.')],
        responses: { '204': { description: 'Deleted.' }, ...auth, '404': problem('No such subscription.'), ...common },
      },
    },
    [`${API_BASE}/admin/deliveries`]: {
      get: {
        tags: ['webhooks'],
        summary: 'Deliveries of the tenant’s events (role admin), e.g. `?status=failed`',
        security: secured,
        parameters: [
          query('status', { enum: ['pending', 'delivered', 'failed'] }, 'Only this status.'),
          query('submissionId', { type: 'string' }, 'Only this submission’s.'),
          query('limit', { type: 'integer', minimum: 1, maximum: 100 }, 'Page size.'),
          query('cursor', { type: 'string' }, 'From the previous page.'),
        ],
        responses: {
          '200': {
            description: 'A page of deliveries, oldest event first.',
            content: jsonOf({
              type: 'object',
              properties: { items: { type: 'array', items: delivery }, nextCursor: { type: 'string' } },
            }),
          },
          ...auth,
          ...common,
        },
      },
    },
    [`${API_BASE}/admin/deliveries/{deliveryId}/retry`]: {
      post: {
        tags: ['webhooks'],
        summary: 'Replay a delivery (role admin): pending and due now, with the same event id',
        security: secured,
        parameters: [idParam('deliveryId', 'The delivery id.')],
        responses: {
          '202': { description: 'Queued.', content: jsonOf(delivery) },
          ...auth,
          '404': problem('No such delivery for this tenant.'),
          ...common,
        },
      },
    },
  };
}
