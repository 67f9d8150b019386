import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandardEngine, loadFormVersion, schemasDir } from '@skema/forms';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli.js';
import { captureIo } from '../test-helpers.js';

// The real indsatsplan: 2.0.0 declares a JSON Patch migration from 1.0.0 that moves the texts of
// "hvadBekymrer" and "hvadFungerer" into the new groups' "iagttagelser".
const SCHEMAS = schemasDir();
const FORM = join(SCHEMAS, 'indsatsplan');
const example = (kind: 'valid' | 'invalid', name: string) =>
  JSON.parse(readFileSync(join(FORM, '1.0.0/examples', kind, `${name}.json`), 'utf8')) as {
    data: Record<string, unknown> & { dialog: { hvadBekymrer: string; hvadFungerer: string } };
    today: string;
  };
const valid = example('valid', 'faldende-trivsel-foregribende-indsats');
const withoutChildsView = example('invalid', 'ind-01-uden-barnets-perspektiv');

const dir = mkdtempSync(join(tmpdir(), 'skema-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

async function migrate(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(['migrate', ...argv, '--schemas', SCHEMAS], io);
  return { code, out: io.lines, err: io.errors };
}
const FLAGS = ['--form', 'indsatsplan', '--from', '1.0.0', '--to', '2.0.0', '--today', '2026-06-01'];

describe('migrate a file', () => {
  it('migrates a valid 1.0.0 indsatsplan to 2.0.0 and prints data that 2.0.0 accepts', async () => {
    const { code, out, err } = await migrate(file('valid.json', valid.data), ...FLAGS);
    expect(err).toEqual(['indsatsplan 1.0.0 → 2.0.0 migreret (1.0.0 → 2.0.0: patch): gyldig']);
    expect(code).toBe(0);
    const migrated = JSON.parse(out.join('\n'));
    expect(migrated.dialog.hvadBekymrer).toEqual({ iagttagelser: valid.data.dialog.hvadBekymrer });
    expect(migrated.dialog.hvadFungerer).toEqual({ iagttagelser: valid.data.dialog.hvadFungerer });
    expect({ ...migrated, dialog: undefined }).toEqual({ ...valid.data, dialog: undefined });
    // Checked independently of the command: the output is valid under 2.0.0.
    const v2 = loadFormVersion(join(FORM, '2.0.0'));
    expect(createStandardEngine().validate(v2, migrated, { today: '2026-06-01' }).errors).toEqual([]);
  });

  it('takes form and version from a stored submission and writes --out', async () => {
    const stored = file('stored.json', {
      id: 'abc',
      formId: 'indsatsplan',
      version: '1.0.0',
      status: 'submitted',
      data: valid.data,
    });
    const out = join(dir, 'out.json');
    const r = await migrate(stored, '--to', 'latest', '--today', '2026-06-01', '--out', out, '--locale', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'indsatsplan 1.0.0 → 2.0.2 migrated (1.0.0 → 2.0.0: patch, 2.0.0 → 2.0.1: none, 2.0.1 → 2.0.2: patch): valid',
      `Written to ${out}`,
    ]);
    expect(JSON.parse(readFileSync(out, 'utf8')).dialog.hvadBekymrer.iagttagelser).toBe(valid.data.dialog.hvadBekymrer);
  });

  it('refuses migrated data that is invalid under the target version, listing pointer, rule and message', async () => {
    const out = join(dir, 'never.json');
    const {
      code,
      out: stdout,
      err,
    } = await migrate(file('ind01.json', withoutChildsView.data), ...FLAGS, '--out', out, '--locale', 'en');
    expect(code).toBe(1);
    expect(stdout).toEqual([]);
    expect(err[0]).toBe('The migrated data is not valid under indsatsplan@2.0.0: 2 error(s). Nothing was written.');
    expect(err[1]).toMatch(/^ {2}error +\/dialog\/barnetsPerspektiv +IND-01 +\S/);
    expect(err[2]).toMatch(/^ {2}error +\/dialog\/barnetFortaellerSelv +IND-01 +\S/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('validates a stored draft as a draft: business rules do not block it', async () => {
    const draft = file('draft.json', {
      formId: 'indsatsplan',
      version: '1.0.0',
      status: 'draft',
      data: withoutChildsView.data,
    });
    expect((await migrate(draft, '--to', '2.0.0')).code).toBe(0);
  });

  it('exits 1 when there is no migration path: a downgrade, or data the patch cannot move', async () => {
    const down = await migrate(
      file('down.json', valid.data),
      '--form',
      'indsatsplan',
      '--from',
      '2.0.0',
      '--to',
      '1.0.0',
    );
    expect(down.code).toBe(1);
    expect(down.err[0]).toMatch(
      /^skema migrate: Ingen migreringsvej for indsatsplan fra 2\.0\.0 til 1\.0\.0: .*\(downgrade\)$/,
    );
    const { hvadBekymrer: _gone, ...dialog } = valid.data.dialog;
    const broken = await migrate(file('broken.json', { ...valid.data, dialog }), ...FLAGS);
    expect(broken.code).toBe(1);
    expect(broken.err[0]).toContain('Migreringen af indsatsplan fra 1.0.0 til 2.0.0 mislykkedes');
    expect(broken.err[0]).toContain('(patch-failed)');
    // The message never repeats the submission's data.
    expect(broken.err.join('\n')).not.toContain(valid.data.dialog.hvadFungerer);
  });

  const usageCases: Array<[string[], string]> = [
    [['--form', 'indsatsplan', '--from', '1.0.0'], 'migrate mangler --to <version>'],
    [['--to', '2.0.0'], '--form mangler'],
    [['--form', 'indsatsplan', '--to', '2.0.0'], '--from mangler'],
    [
      ['--form', 'indsatsplan', '--from', '9.0.0', '--to', '2.0.0'],
      'Form "indsatsplan" has no version 9.0.0 (versions: 1.0.0 (published), 2.0.0 (published), 2.0.1 (published), 2.0.2 (published))',
    ],
    [['--form', 'ukendt', '--from', '1.0.0', '--to', '2.0.0'], 'Unknown form "ukendt"'],
    [['--form', '../indsatsplan', '--from', '1.0.0', '--to', '2.0.0'], '"../indsatsplan" er ikke et skema-id'],
    [
      ['--form', 'indsatsplan', '--from', '1.0.0', '--to', '2.0.0', '--locale', 'de'],
      '--locale must be "da" or "en", not "de"',
    ],
  ];
  it.each(usageCases)('%j → exit 2: %s', async (args, message) => {
    const { code, err } = await migrate(file('plain.json', valid.data), ...args);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(message);
  });

  it('refuses --form/--from that contradict a stored submission, and a missing file', async () => {
    const stored = file('stored2.json', { formId: 'indsatsplan', version: '1.0.0', data: valid.data });
    expect((await migrate(stored, '--from', '2.0.0', '--to', '2.0.0')).err[0]).toBe(
      'skema migrate: --from er "2.0.0", men den gemte indsendelse siger "1.0.0"',
    );
    const missing = await migrate(join(dir, 'nope.json'), ...FLAGS);
    expect([missing.code, missing.err[0]]).toEqual([2, `skema migrate: File not found: ${join(dir, 'nope.json')}`]);
  });
});

// The real route is POST /api/v1/submissions/{id}/migrate; this server answers as the contract says.
describe('migrate through the API', () => {
  let server: Server;
  let base = '';
  const requests: Array<{
    method?: string | undefined;
    url?: string | undefined;
    auth?: string | undefined;
    language?: string;
    ifMatch?: string;
    body: unknown;
  }> = [];
  const body = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return JSON.parse(text) as { version?: string };
  };
  beforeAll(async () => {
    // The handler is async; the server ignores what it returns, so the promise is voided deliberately.
    server = createServer((req, res) => {
      void body(req).then((json) => {
        requests.push({
          method: req.method,
          url: req.url,
          auth: req.headers.authorization,
          language: req.headers['accept-language'] as string,
          ifMatch: req.headers['if-match'] as string,
          body: json,
        });
        const problem = (status: number, members: Record<string, unknown>) => {
          res
            .writeHead(status, { 'content-type': 'application/problem+json' })
            .end(JSON.stringify({ status, ...members }));
        };
        if (req.headers.authorization !== 'Bearer nogle')
          return problem(401, { type: 'https://skema.dk/problems/unauthorized', title: 'Missing or invalid API key' });
        if (req.url === '/api/v1/submissions/s-1/migrate' && json.version === '2.0.0') {
          res.writeHead(201, { 'content-type': 'application/json', etag: '"s-1-3"' });
          return res.end(
            JSON.stringify({
              submission: { id: 's-1', formId: 'indsatsplan', version: '2.0.0', revision: 3, status: 'submitted' },
              receipt: {
                formId: 'indsatsplan',
                version: '2.0.0',
                schemaHash: 'sha256-abc',
                validatedAt: '2026-06-01T10:00:00Z',
                plugins: [],
              },
              warnings: [],
              deadlines: [],
            }),
          );
        }
        if (req.url === '/api/v1/submissions/s-2/migrate') {
          return problem(422, {
            type: 'https://skema.dk/problems/migration-invalid',
            code: 'migration-invalid',
            title: 'Migrated submission is not valid',
            detail:
              req.headers['accept-language'] === 'en'
                ? 'The migrated data is not valid under indsatsplan@2.0.0.'
                : 'De migrerede data er ikke gyldige under indsatsplan@2.0.0.',
            errors: [
              {
                path: '/dialog/barnetsPerspektiv',
                code: 'IND-01',
                message: '«Hvad er barnets perspektiv?» skal udfyldes',
              },
            ],
          });
        }
        return problem(404, {
          type: 'https://skema.dk/problems/not-found',
          title: 'Not found',
          detail: 'The submission does not exist.',
        });
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  afterEach(() => {
    requests.length = 0;
    vi.unstubAllEnvs();
  });

  it('posts { version } with the key and prints the new revision (201)', async () => {
    const { code, out } = await migrate(
      '--api',
      base,
      '--key',
      'nogle',
      '--submission',
      's-1',
      '--to',
      '2.0.0',
      '--if-match',
      '"s-1-2"',
    );
    expect(requests).toEqual([
      {
        method: 'POST',
        url: '/api/v1/submissions/s-1/migrate',
        auth: 'Bearer nogle',
        language: 'da',
        ifMatch: '"s-1-2"',
        body: { version: '2.0.0' },
      },
    ]);
    expect(out).toEqual([
      'Indsendelse s-1: ny revision 3 under indsatsplan@2.0.0',
      'Kvittering: valideret 2026-06-01T10:00:00Z, skemaets hash sha256-abc',
      'ETag: "s-1-3"',
    ]);
    expect(code).toBe(0);
  });

  it('takes the key from SKEMA_API_KEY and accepts a base URL ending in /api/v1; --json prints the answer', async () => {
    vi.stubEnv('SKEMA_API_KEY', 'nogle');
    const { code, out } = await migrate('--api', `${base}/api/v1/`, '--submission', 's-1', '--to', '2.0.0', '--json');
    expect(code).toBe(0);
    expect(requests[0]?.url).toBe('/api/v1/submissions/s-1/migrate');
    expect(JSON.parse(out.join('\n')).submission.revision).toBe(3);
  });

  it('exits 1 with the problem message and the validation errors on 422', async () => {
    const { code, out, err } = await migrate(
      '--api',
      base,
      '--key',
      'nogle',
      '--submission',
      's-2',
      '--to',
      '2.0.0',
      '--locale',
      'en',
    );
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toBe(
      'skema migrate: The API refused the migration (HTTP 422, migration-invalid): The migrated data is not valid under indsatsplan@2.0.0.',
    );
    expect(err[1]).toMatch(
      /^ {2}error +\/dialog\/barnetsPerspektiv +IND-01 +«Hvad er barnets perspektiv\?» skal udfyldes$/,
    );
  });

  it('exits 2 on a refused key, an unknown submission, an unreachable API or no key at all', async () => {
    const wrongKey = await migrate('--api', base, '--key', 'forkert', '--submission', 's-1', '--to', '2.0.0');
    expect([wrongKey.code, wrongKey.err[0]]).toEqual([
      2,
      "skema migrate: API'et afviste migreringen (HTTP 401, unauthorized): Missing or invalid API key",
    ]);
    expect((await migrate('--api', base, '--key', 'nogle', '--submission', 'ukendt', '--to', '2.0.0')).code).toBe(2);
    const closed = await migrate(
      '--api',
      'http://127.0.0.1:9',
      '--key',
      'nogle',
      '--submission',
      's-1',
      '--to',
      '2.0.0',
    );
    expect(closed.code).toBe(2);
    expect(closed.err[0]).toMatch(
      /^skema migrate: API'et på http:\/\/127\.0\.0\.1:9\/api\/v1\/submissions\/s-1\/migrate svarer ikke \(/,
    );
    vi.stubEnv('SKEMA_API_KEY', '');
    expect((await migrate('--api', base, '--submission', 's-1', '--to', '2.0.0')).err).toEqual([
      'skema migrate: Ingen API-nøgle: angiv --key eller SKEMA_API_KEY',
    ]);
    expect((await migrate('--api', base, '--key', 'k', '--to', '2.0.0')).err[0]).toContain(
      'migrate --api kræver --submission <id>',
    );
    expect((await migrate('--api', 'ftp://x', '--key', 'k', '--submission', 's-1', '--to', '2.0.0')).err[0]).toContain(
      '--api skal være en http(s)-adresse',
    );
  });
});
