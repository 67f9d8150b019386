import { OUTBOX_EVENT_TYPES, type OutboxEventType } from '@skema/core';

/** A tenant's webhook subscription in `SKEMA_CONFIG` (re-applied to the store at every start). */
export interface WebhookConfig {
  id: string;
  url: string;
  /** Event types, or `*` for all (default all). */
  events?: Array<OutboxEventType | '*'>;
  /** Standard Webhooks secret, `whsec_<base64>` (24 to 64 random bytes). */
  secret: string;
  /** The tenant's archive (ESDH): retention waits until it acknowledged a submission's final document. */
  archive?: boolean;
  /** Allow loopback, link-local and private addresses (an archive inside the municipality's network). */
  allowPrivateNetwork?: boolean;
}

/** How a tenant's case documents are made. */
export interface DocumentPolicy {
  /** Show CPR numbers in full in documents (default: masked as DDMMYY-XXXX). */
  showCpr?: boolean;
}

const id = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' } as const;

export const webhooksConfigSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'url', 'secret'],
    additionalProperties: false,
    properties: {
      id,
      url: { type: 'string', pattern: '^https?://' },
      events: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['*', ...OUTBOX_EVENT_TYPES] } },
      secret: { type: 'string', pattern: '^whsec_[A-Za-z0-9+/=]{32,}$' },
      archive: { type: 'boolean' },
      allowPrivateNetwork: { type: 'boolean' },
    },
  },
} as const;

export const documentPolicySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { showCpr: { type: 'boolean' } },
} as const;
