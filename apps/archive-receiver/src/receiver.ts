import { mkdir, open, rename } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';

export interface ArchiveOptions {
  /** Where the documents go: `<dir>/<case or "uden-sag">/<submission>/r<revision>.pdf`. */
  dir: string;
  /** The subscription's secret (`whsec_…`). */
  secret: string;
  /** This system's own Skema API key (role `integration`), to fetch the documents. */
  apiKey: string;
}

type DocumentReady = {
  type: string;
  data: { submissionId?: string; caseId?: string; revision?: number; links?: { document?: string } };
};
const SAFE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/**
 * The pattern for an ESDH integration (SBSYS, GetOrganized, F2 …): verify the signature, fetch the
 * document the event links to with our own key, file it, and only then answer 2xx: Skema retries
 * until we do, and deletes nothing before its archive has acknowledged the final document.
 * A repeated event (same webhook-id) just writes the same file again.
 */
export function createArchiveReceiver(options: ArchiveOptions): Server {
  const webhook = new Webhook(options.secret);
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        let event: DocumentReady;
        try {
          event = webhook.verify(
            Buffer.concat(chunks).toString('utf8'),
            req.headers as Record<string, string>,
          ) as DocumentReady;
        } catch {
          return void res.writeHead(401).end();
        }
        const { submissionId, caseId, revision, links } = event.data;
        if (event.type !== 'submission.document-ready' || !links?.document) return void res.writeHead(204).end();
        if (!submissionId || !SAFE.test(submissionId) || (caseId && !SAFE.test(caseId)))
          return void res.writeHead(422).end();
        const pdf = await fetch(links.document, { headers: { authorization: `Bearer ${options.apiKey}` } });
        // Not there yet or the API is down: a 503 makes Skema try again later.
        if (!pdf.ok) return void res.writeHead(503).end();
        const folder = join(options.dir, caseId ?? 'uden-sag', submissionId);
        await mkdir(folder, { recursive: true });
        const file = join(folder, `r${revision ?? 0}.pdf`);
        const handle = await open(`${file}.tmp`, 'w');
        await handle.writeFile(Buffer.from(await pdf.arrayBuffer()));
        await handle.sync();
        await handle.close();
        await rename(`${file}.tmp`, file);
        res.writeHead(204).end();
      })().catch(() => res.writeHead(500).end());
    });
  });
}
