import type { OutboxEvent } from '@skema/core';

/**
 * The body of a webhook (Standard Webhooks' `{ type, timestamp, data }`): the event's small payload,
 * with its links made absolute against the API's public URL. The same bytes on every retry.
 */
export function webhookBody(event: OutboxEvent, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  const { links, ...rest } = event.payload as { links?: Record<string, string> };
  const absolute = links ? Object.fromEntries(Object.entries(links).map(([k, v]) => [k, `${base}${v}`])) : undefined;
  return JSON.stringify({
    type: event.type,
    timestamp: event.at,
    data: { ...rest, ...(absolute ? { links: absolute } : {}) },
  });
}
