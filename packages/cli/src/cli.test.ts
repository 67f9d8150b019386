import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemasDir } from '@skema/forms';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureCopy } from './test-helpers.js';

// These tests run the built binary, as a user would: build first (npx tsc -p tsconfig.build.json).
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

function skema(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SKEMA_SCHEMAS_DIR: FIXTURES },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const copies: Array<{ cleanup(): void }> = [];
afterAll(() => copies.forEach((c) => c.cleanup()));
function copy(): string {
  const c = fixtureCopy();
  copies.push(c);
  return c.dir;
}

const example = (version: string, kind: 'valid' | 'invalid', name: string) =>
  join(FIXTURES, 'testskema', version, 'examples', kind, `${name}.json`);

describe('skema (built binary)', () => {
  it('is built with a shebang', () => {
    expect(existsSync(BIN), 'run "npx tsc -p tsconfig.build.json" in packages/cli first').toBe(true);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--help lists every command; no command is a usage error', () => {
    const help = skema('--help');
    expect(help.code).toBe(0);
    for (const name of ['check', 'validate', 'types', 'diff', 'rules', 'lock', 'migrate'])
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(skema().code).toBe(2);
    expect(skema('help', 'validate').stdout).toContain('Usage: skema validate <formId>@<version> <file.json>');
  });

  it('rejects an unknown command and an unknown option with exit code 2', () => {
    const unknown = skema('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const option = skema('check', '--strict');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--strict'");
  });

  it('check passes on the fixtures with a summary line', () => {
    const r = skema('check', '--schemas', FIXTURES);
    expect(r.stdout).toBe('✓ 3 form version(s) of 1 form(s) checked (15 examples): no problems\n');
    expect(r.code).toBe(0);
  });

  it('check fails with one line per problem', () => {
    const dir = copy();
    const texts = join(dir, 'testskema/1.1.0/i18n/en.json');
    const en = JSON.parse(readFileSync(texts, 'utf8'));
    delete en['kategori.Voksne'];
    writeFileSync(texts, JSON.stringify(en));
    writeFileSync(join(dir, 'testskema/2.0.0/uischema.json'), '{ "type": ');
    const r = skema('check', '--schemas', dir);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^testskema\/2\.0\.0\/uischema\.json: malformed JSON \(/),
      'testskema/1.1.0/i18n/en.json: missing "kategori.Voksne" (English label of an enum value)',
      'testskema/1.1.0/i18n/en.json: missing "kategori.Voksne" (present in da.json)',
      expect.stringMatching(
        /^forms\.lock\.json: testskema@1\.1\.0 is published and immutable, but its content changed/,
      ),
      `✗ 4 problem(s) in ${dir}`,
    ]);
  });

  it('validate prints localized errors with pointer and code, and exits 1 when invalid', () => {
    const da = skema('validate', 'testskema@1.1.0', example('1.1.0', 'invalid', 'forkert-cpr'), '--example');
    expect(da.code).toBe(1);
    expect(da.stdout).toMatch(
      /^testskema@1\.1\.0 \(indsendelse, dato \d{4}-\d{2}-\d{2}\): ugyldig — 1 fejl, 0 advarsler$/m,
    );
    expect(da.stdout).toMatch(/^ {2}fejl +\/borger\/cpr +format +«CPR-nummer» skal være et gyldigt CPR-nummer/m);
    const en = skema(
      'validate',
      'testskema@1.1.0',
      example('1.1.0', 'invalid', 'forkert-cpr'),
      '--example',
      '--locale',
      'en',
      '--today',
      '2026-06-01',
    );
    expect(en.stdout).toMatch(/^testskema@1\.1\.0 \(submission, today 2026-06-01\): invalid — 1 errors, 0 warnings$/m);
    expect(en.stdout).toMatch(/"CPR number" must be a valid CPR number/);
  });

  it('validate accepts valid data (exit 0), drafts skip completeness, --json prints the result', () => {
    expect(skema('validate', 'testskema@1.0.0', example('1.0.0', 'valid', 'barn'), '--example').code).toBe(0);
    const dir = copy();
    const incomplete = join(dir, 'kladde.json');
    writeFileSync(incomplete, JSON.stringify({ borger: { navn: 'Karin Testesen' } }));
    expect(skema('validate', 'testskema@1.0.0', incomplete).code).toBe(1);
    expect(skema('validate', 'testskema@1.0.0', incomplete, '--draft').code).toBe(0);
    const json = skema('validate', 'testskema@^1.0.0', incomplete, '--json', '--today', '2026-06-01');
    const result = JSON.parse(json.stdout);
    expect(result.receipt).toMatchObject({ formId: 'testskema', version: '1.1.0' });
    expect(result.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`).sort()).toEqual([
      '/kategori required',
      '/samtykke required',
    ]);
  });

  it('validate explains bad input with exit code 2', () => {
    const missing = skema('validate', 'testskema@1.0.0', '/nonexistent/data.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('skema validate: File not found: /nonexistent/data.json\n');
    const dir = copy();
    writeFileSync(join(dir, 'broken.json'), '{"borger": ');
    const malformed = skema('validate', 'testskema@1.0.0', join(dir, 'broken.json'));
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/broken\.json is not valid JSON: /);
  });

  it('diff prints classified changes and the required bump', () => {
    const r = skema('diff', 'testskema', '1.0.0', '2.0.0', '--locale', 'en');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('testskema 1.0.0 → 2.0.0: 7 change(s), required bump: major');
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}major +property-removed +#\/properties\/telefon +property "telefon" removed$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}minor +property-added +#\/properties\/bemaerkning/));
    expect(lines.at(-1)).toBe('✓ 2.0.0 is a sufficient version number after 1.0.0');
    const da = skema('diff', 'testskema', '1.0.0', '2.0.0').stdout.trim().split('\n');
    expect(da[0]).toBe('testskema 1.0.0 → 2.0.0: 7 ændring(er), krævet versionsløft: major');
    expect(da).toContainEqual(
      expect.stringMatching(/^ {2}major +property-removed +#\/properties\/telefon +feltet "telefon" er fjernet$/),
    );
    const json = JSON.parse(skema('diff', 'testskema', '1.0.0', '1.1.0', '--json').stdout);
    expect(json).toMatchObject({ required: 'minor', sufficient: true });
    expect(skema('diff', 'testskema', '1.0.0', '9.0.0').code).toBe(2);
  });

  it('types writes one module per form version and an index', () => {
    const out = join(copy(), 'types-out');
    const r = skema('types', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Generated 3 form type(s) and index.ts in ${out}`);
    expect(readFileSync(join(out, 'testskema/1.1.0.ts'), 'utf8')).toMatch(
      /export interface Testskema_1_1_0 \{[^}]*bemaerkning\?: string;/s,
    );
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toContain("'testskema@2.0.0': Testskema_2_0_0;");
  });

  it('types --out never deletes or overwrites files it did not write', () => {
    // `skema types --out src/types` in an app used to empty the folder first.
    const out = join(copy(), 'types-out');
    mkdirSync(join(out, 'own'), { recursive: true });
    writeFileSync(join(out, 'own/api.ts'), 'export const api = 1;\n');
    writeFileSync(join(out, 'README.md'), '# my types\n');
    expect(skema('types', '--out', out).code).toBe(0);
    expect(skema('types', '--out', out).code).toBe(0);
    expect(readFileSync(join(out, 'own/api.ts'), 'utf8')).toBe('export const api = 1;\n');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('# my types\n');
    const foreign = join(copy(), 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'index.ts'), 'export const mine = 1;\n');
    const refused = skema('types', '--out', foreign);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not written by @skema/types');
    expect(readFileSync(join(foreign, 'index.ts'), 'utf8')).toBe('export const mine = 1;\n');
  });

  it('lock records published versions that are not locked yet, and only those', () => {
    const dir = copy();
    const lockFile = join(dir, 'forms.lock.json');
    const original = JSON.parse(readFileSync(lockFile, 'utf8'));
    writeFileSync(lockFile, JSON.stringify({ 'testskema@1.0.0': original['testskema@1.0.0'] }));
    const r = skema('lock', '--schemas', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`  locked testskema@1.1.0 ${original['testskema@1.1.0']}`);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual(original);
    expect(skema('lock', '--schemas', dir).stdout).toContain('is up to date');
  });

  it('migrate prints only the migrated data on stdout, so it can be redirected; the summary goes to stderr', () => {
    const stored = join(copy(), 'stored.json');
    const example = JSON.parse(
      readFileSync(
        join(schemasDir(), 'indsatsplan/1.0.0/examples/valid/faldende-trivsel-foregribende-indsats.json'),
        'utf8',
      ),
    );
    writeFileSync(
      stored,
      JSON.stringify({ formId: 'indsatsplan', version: '1.0.0', status: 'submitted', data: example.data }),
    );
    const r = skema('migrate', stored, '--to', '2.0.0', '--today', example.today, '--schemas', schemasDir());
    expect(r.stderr).toBe('indsatsplan 1.0.0 → 2.0.0 migreret (1.0.0 → 2.0.0: patch): gyldig\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).dialog.hvadFungerer).toEqual({ iagttagelser: example.data.dialog.hvadFungerer });
    expect(skema('help', 'migrate').stdout).toContain('--api <baseUrl>');
  });

  it('rules --json prints the catalogue', () => {
    const r = skema('rules', '--json');
    expect(r.code).toBe(0);
    const catalogue = JSON.parse(r.stdout) as Array<{
      id: string;
      severity: string;
      forms: string[];
      hasTests: boolean;
    }>;
    expect(Array.isArray(catalogue)).toBe(true);
    for (const entry of catalogue) {
      expect(entry.id).toMatch(/^[A-Z]+-\d+$/);
      expect(['error', 'warning', 'process']).toContain(entry.severity);
      expect(entry.forms.length).toBeGreaterThan(0);
    }
  });
});
