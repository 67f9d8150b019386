import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { resolveAllowed, type ResolvedAddress } from './network-policy.js';

export interface SignedMessage {
  /** The event id: the same on every retry, so a receiver drops duplicates. */
  id: string;
  body: string;
  secret: string;
}

export interface SendResult {
  status?: number;
  retryAfter?: string;
  error?: string;
}

// Connections are kept open between deliveries to a receiver. A pooled socket was made to an
// address checked when it connected, so reusing it checks nothing less.
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 32 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }),
};

/** Standard Webhooks headers: `webhook-id`, `webhook-timestamp` (this attempt) and `webhook-signature`. */
export function signedHeaders(message: SignedMessage, at: Date): Record<string, string> {
  const signature = new Webhook(message.secret).sign(message.id, at, message.body);
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

/**
 * POSTs a signed message. The host is resolved and checked first (`resolveAllowed`) and the socket
 * connects to that checked address; no redirect is followed; the response body is read and dropped.
 */
export async function sendWebhook(
  url: string,
  message: SignedMessage,
  options: { allowPrivate: boolean; timeoutMs: number; now: Date },
): Promise<SendResult> {
  const target = new URL(url);
  let resolved: ResolvedAddress;
  try {
    resolved = await resolveAllowed(target.hostname, options.allowPrivate);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const lookup: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all)
      (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [resolved]);
    else callback(null, resolved.address, resolved.family);
  };
  const secure = target.protocol === 'https:';
  const request = secure ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    const req = request(
      target,
      {
        method: 'POST',
        lookup,
        agent: secure ? agents.https : agents.http,
        timeout: options.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Skema-Webhooks/1',
          ...signedHeaders(message, options.now),
        },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => {
        res.resume();
        const retryAfter = res.headers['retry-after'];
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(retryAfter ? { retryAfter } : {}) }));
        res.on('error', (e) => resolve({ status: res.statusCode ?? 0, error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', (e) => resolve({ error: e.message }));
    req.end(message.body);
  });
}
