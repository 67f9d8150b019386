import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { sendWebhook } from './send.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const message = { id: 'evt_1', body: '{"type":"submission.created","data":{"navn":"Børn & unge"}}', secret: SECRET };
const opts = { allowPrivate: true, timeoutMs: 2_000, now: new Date() };

const servers: Array<{ close: () => void }> = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

interface Seen {
  headers: IncomingMessage['headers'];
  body: string;
  path: string | undefined;
}

async function receiver(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body, path: req.url });
      answer(req, res);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  servers.push({ close: () => server.close() && server.closeAllConnections() });
  return { port: (server.address() as AddressInfo).port, seen };
}

describe('sendWebhook', () => {
  it('POSTs the body signed per Standard Webhooks to the path and query, and returns the status', async () => {
    const r = await receiver((_q, res) => res.writeHead(204).end());
    const result = await sendWebhook(`http://127.0.0.1:${r.port}/hooks/skema?tenant=ringsted`, message, opts);
    expect(result).toEqual({ status: 204 });
    const [seen] = r.seen;
    expect(seen?.path).toBe('/hooks/skema?tenant=ringsted');
    expect(seen?.body).toBe(message.body);
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers['webhook-id']).toBe('evt_1');
    const verified = new Webhook(SECRET).verify(seen!.body, seen!.headers as Record<string, string>);
    expect(verified).toEqual(JSON.parse(message.body));
  });

  it('reports Retry-After and a server error without throwing, and reads and drops a large answer', async () => {
    const r = await receiver((_q, res) => res.writeHead(503, { 'retry-after': '120' }).end('x'.repeat(200_000)));
    expect(await sendWebhook(`http://127.0.0.1:${r.port}/`, message, opts)).toEqual({ status: 503, retryAfter: '120' });
  });

  it('does not follow a redirect (its target is not checked against the network policy)', async () => {
    const target = await receiver((_q, res) => res.writeHead(204).end());
    const r = await receiver((_q, res) => res.writeHead(307, { location: `http://127.0.0.1:${target.port}/` }).end());
    expect(await sendWebhook(`http://127.0.0.1:${r.port}/`, message, opts)).toEqual({ status: 307 });
    expect(target.seen).toHaveLength(0);
  });

  it('gives up after the timeout when the receiver does not answer', async () => {
    const r = await receiver(() => undefined);
    const started = Date.now();
    const result = await sendWebhook(`http://127.0.0.1:${r.port}/`, message, { ...opts, timeoutMs: 300 });
    expect(result.status).toBeUndefined();
    expect(result.error).toBe('no answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses loopback by address and by name unless private addresses are allowed, without connecting', async () => {
    const r = await receiver((_q, res) => res.writeHead(204).end());
    const closed = { ...opts, allowPrivate: false };
    expect((await sendWebhook(`http://127.0.0.1:${r.port}/`, message, closed)).error).toMatch(/private address/);
    expect((await sendWebhook(`http://[::1]:${r.port}/`, message, closed)).error).toMatch(/private address/);
    expect((await sendWebhook(`http://localhost:${r.port}/`, message, closed)).error).toMatch(/private address/);
    expect(r.seen).toHaveLength(0);
    // Allowed, the name is looked up and the connection goes to the checked address.
    expect(await sendWebhook(`http://localhost:${r.port}/`, message, opts)).toEqual({ status: 204 });
    // A connection kept alive for an allowed subscription is not lent to one that is not allowed.
    expect((await sendWebhook(`http://localhost:${r.port}/`, message, closed)).error).toMatch(/private address/);
    expect(r.seen).toHaveLength(1);
  });

  it('reports a refused connection and a malformed URL as errors', async () => {
    const r = await receiver(() => undefined);
    servers.pop()?.close();
    await new Promise((ok) => setTimeout(ok, 50));
    expect((await sendWebhook(`http://127.0.0.1:${r.port}/`, message, opts)).error).toMatch(/ECONNREFUSED/);
    expect((await sendWebhook('not a url', message, opts)).error).toMatch(/not a URL/);
  });
});
