import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The portal backend of the examples (`/plain.html` in development and the browser tests): it holds
 * the API key and gives the page only an embed session for the form it asks for. A real portal
 * does the same in its own backend, after its own checks. `POST /portal/embed-session` `{ formId, version }`.
 */
export function examplePortalBackend(options: { apiUrl: () => string; key: string }) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST' || req.url !== '/portal/embed-session') return false;
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (body.length < 1024) body += chunk;
    });
    req.on('end', () => {
      void (async () => {
        const { formId, version } = JSON.parse(body || '{}') as { formId?: string; version?: string };
        const answer = await fetch(`${options.apiUrl()}/api/v1/embed-sessions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ formId, version }),
        });
        res
          .writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(await answer.text());
      })().catch(() => res.writeHead(502).end());
    });
    return true;
  };
}
