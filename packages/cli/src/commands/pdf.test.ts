import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemasDir } from '@skema/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { captureIo } from '../test-helpers.js';
import { documentUrl } from './pdf-api.js';

const SCHEMAS = schemasDir();
const EXAMPLE = join(SCHEMAS, 'underretning', '1.0.2', 'examples', 'valid', 'ankestyrelsen-saerlige-forhold.json');
const dir = mkdtempSync(join(tmpdir(), 'skema-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdf(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(['pdf', ...argv], io);
  return { code, stdout: io.lines.join('\n'), stderr: io.errors.join('\n') };
}

describe('skema pdf (file mode)', () => {
  it('renders an example file of a form folder', async () => {
    const out = join(dir, 'doc.pdf');
    const r = await pdf(
      '--form',
      join(SCHEMAS, 'underretning', '1.0.2'),
      '--data',
      EXAMPLE,
      '--out',
      out,
      '--id',
      'K-1',
      '--created',
      '2026-06-01T10:00:00Z',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Skrevet til');
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(bytes.toString('latin1')).toContain('<skema:submissionId>K-1</skema:submissionId>');
  });

  it('takes a form reference and plain data', async () => {
    const out = join(dir, 'plain.pdf');
    const data = join(dir, 'data.json');
    writeFileSync(data, JSON.stringify((JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { data: unknown }).data));
    const r = await pdf(
      '--form',
      'underretning@1.0.2',
      '--data',
      data,
      '--out',
      out,
      '--schemas',
      SCHEMAS,
      '--locale',
      'en',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Written to');
  });

  it('refuses a call without --out or without data, localized', async () => {
    expect((await pdf('--form', 'underretning', '--data', EXAMPLE)).stderr).toContain('pdf mangler --out');
    expect((await pdf('--form', 'underretning', '--out', join(dir, 'x.pdf'), '--locale', 'en')).stderr).toContain(
      'pdf needs --form and --data',
    );
  });
});

describe('skema pdf --api', () => {
  let server: Server;
  let base = '';
  const seen: IncomingMessage[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      if (req.url?.startsWith('/api/v1/submissions/K-9/document.pdf')) {
        res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7 fake');
      } else {
        res.writeHead(404, { 'content-type': 'application/problem+json' }).end(
          JSON.stringify({
            type: 'https://skema.dk/problems/not-found',
            title: 'Not found',
            detail: 'No such submission',
          }),
        );
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('builds the document URL from either form of the API address', () => {
    expect(documentUrl('https://x.dk/', 'a b', 'da', false)).toBe(
      'https://x.dk/api/v1/submissions/a%20b/document.pdf?locale=da',
    );
    expect(documentUrl('https://x.dk/api/v1', 'K', 'en', true)).toBe(
      'https://x.dk/api/v1/submissions/K/document.pdf?locale=en&showCpr=true',
    );
  });

  it("writes the server's PDF, sending the key", async () => {
    const out = join(dir, 'api.pdf');
    const r = await pdf('--api', base, '--token', 'KEY', '--submission', 'K-9', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'latin1')).toBe('%PDF-1.7 fake');
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer KEY');
  });

  it('prints the problem and exits 1 for an unknown submission', async () => {
    const r = await pdf('--api', base, '--token', 'KEY', '--submission', 'nope', '--out', join(dir, 'no.pdf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HTTP 404, not-found');
  });
});
