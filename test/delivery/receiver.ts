import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export interface Received {
  id: string;
  type: string;
  submissionId: string | undefined;
  revision: number | undefined;
  links: Record<string, string> | undefined;
  at: number;
}

/** A webhook receiver for tests: checks every signature, records what it accepted, answers as `answer` says. */
export class TestReceiver {
  readonly received: Received[] = [];
  /** Requests whose signature did not verify (must stay 0). */
  badSignatures = 0;
  /** What to answer: a status, or `undefined` for 204. */
  answer: () => number | undefined = () => undefined;
  private server: Server | undefined;
  private readonly webhook = new Webhook(SECRET);

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.answer();
        if (status !== undefined && (status < 200 || status > 299)) {
          res.statusCode = status;
          return void res.end();
        }
        const body = Buffer.concat(chunks).toString('utf8');
        let payload: {
          type: string;
          data: { submissionId?: string; revision?: number; links?: Record<string, string> };
        };
        try {
          payload = this.webhook.verify(body, req.headers as Record<string, string>) as typeof payload;
        } catch {
          this.badSignatures += 1;
          res.statusCode = 400;
          return void res.end();
        }
        this.received.push({
          id: String(req.headers['webhook-id']),
          type: payload.type,
          submissionId: payload.data.submissionId,
          revision: payload.data.revision,
          links: payload.data.links,
          at: Date.now(),
        });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    return new Promise((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /** The distinct events received for a submission, in the order first seen. */
  eventsOf(submissionId: string): string[] {
    const seen = new Set<string>();
    const types: string[] = [];
    for (const r of this.received) {
      if (r.submissionId !== submissionId || seen.has(r.id)) continue;
      seen.add(r.id);
      types.push(r.type);
    }
    return types;
  }
}

/** Polls until `check` holds or `ms` passed. */
export async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const KEY = 'skema-dev-key';
export const headers = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };

/** Subscribes the receiver through the admin API (loopback allowed explicitly for the test). */
export async function subscribe(
  base: string,
  url: string,
  id = 'receiver',
  extra: Record<string, unknown> = {},
): Promise<void> {
  const res = await fetch(`${base}/api/v1/admin/webhooks/${id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ url, secret: SECRET, events: ['*'], allowPrivateNetwork: true, ...extra }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`subscribe: ${res.status} ${await res.text()}`);
}
