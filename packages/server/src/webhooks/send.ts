import { isIP, type LookupFunction } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { Webhook } from 'standardwebhooks';
import { AddressRefusedError, checkAddresses, resolveAllowed } from './network-policy.js';

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
 * Each new connection looks its host up and checks every address (`resolveAllowed`), then connects
 * to that checked address: no second lookup a rebinding DNS could answer differently. A kept-alive
 * connection was checked when it connected, so reusing it checks nothing less.
 */
function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (host, options, callback) => {
    resolveAllowed(host, allowPrivate).then(
      (resolved) => {
        if ((options as { all?: boolean }).all)
          (callback as unknown as (e: null, a: (typeof resolved)[]) => void)(null, [resolved]);
        else callback(null, resolved.address, resolved.family);
      },
      (e: NodeJS.ErrnoException) => callback(e, '', 4),
    );
  };
}

/**
 * Keep-alive connection pools (undici: one write per request, a fraction of `node:http`'s cost per
 * delivery), one per network policy so a connection made for a subscription allowed to reach a
 * private address is never lent to one that is not. No redirect is followed (undici's `request`
 * follows none).
 */
const agents = new Map<string, Agent>();
function agentFor(allowPrivate: boolean, timeoutMs: number): Agent {
  const key = `${allowPrivate}:${timeoutMs}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connections: 32,
      connect: { lookup: checkedLookup(allowPrivate), timeout: timeoutMs },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    agents.set(key, agent);
  }
  return agent;
}

/** The reason an attempt failed, in words a log and the deliveries list can show. */
function reasonOf(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: unknown };
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  // A refused address surfaces as the connection's cause.
  if (err.cause instanceof AddressRefusedError) return err.cause.message;
  return err.message ?? String(e);
}

/**
 * POSTs a signed message and reads the answer's status (the body is read and dropped, at most
 * undici's `dump` limit). The whole attempt — connect, send, answer — is bounded by `timeoutMs`.
 */
export async function sendWebhook(
  url: string,
  message: SignedMessage,
  options: { allowPrivate: boolean; timeoutMs: number; now: Date },
): Promise<SendResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { error: `not a URL: ${url}` };
  }
  // A literal address is connected to without a lookup: check it here.
  const bare = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
  if (isIP(bare)) {
    try {
      checkAddresses(target.hostname, [{ address: bare, family: isIP(bare) as 4 | 6 }], options.allowPrivate);
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  try {
    const res: Dispatcher.ResponseData = await agentFor(options.allowPrivate, options.timeoutMs).request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Skema-Webhooks/1',
        ...signedHeaders(message, options.now),
      },
      body: message.body,
      signal: abort.signal,
    });
    const retryAfter = res.headers['retry-after'];
    const result: SendResult = {
      status: res.statusCode,
      ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
    };
    try {
      await res.body.dump();
    } catch (e) {
      result.error = reasonOf(e, options.timeoutMs);
    }
    return result;
  } catch (e) {
    return { error: reasonOf(e, options.timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}
