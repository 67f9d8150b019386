import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, runCli } from '../cli.js';
import { captureIo, FIXTURES, fixtureCopy } from '../test-helpers.js';
import { checkCommand } from './check.js';
import { diffCommand } from './diff.js';
import { validateCommand } from './validate.js';

// The command functions, called in-process (the binary itself is tested in cli.test.ts).
const copies: Array<{ cleanup(): void }> = [];
afterAll(() => copies.forEach((c) => c.cleanup()));
function copy(): string {
  const c = fixtureCopy();
  copies.push(c);
  return c.dir;
}

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.lines, err: io.errors };
}

const barn = join(FIXTURES, 'testskema/1.0.0/examples/valid/barn.json');

describe('command table', () => {
  it('has help with a usage line for every command', async () => {
    for (const name of Object.keys(commands)) {
      const { code, out } = await run('help', name);
      expect(code).toBe(0);
      expect(out.some((line) => line.startsWith(`Usage: skema ${name} `))).toBe(true);
      expect((await commands[name]!.load()).name).toBe(name);
    }
    expect((await run('help', 'nope')).code).toBe(2);
    expect((await run('validate', '--help')).out[2]).toMatch(/^Usage: skema validate/);
  });

  it('does not treat inherited object keys as commands', async () => {
    expect((await run('toString')).err).toEqual(['Unknown command "toString". Run "skema --help" for the list.']);
    expect((await run('constructor')).code).toBe(2);
  });
});

describe('validate', () => {
  const cases: Array<[string[], string]> = [
    [['ukendt@1.0.0', barn], 'Unknown form "ukendt" (known forms: testskema)'],
    [
      ['testskema@3.0.0', barn],
      'Form "testskema" has no version 3.0.0 (versions: 1.0.0 (published), 1.1.0 (published), 2.0.0 (draft))',
    ],
    [['testskema@^4', barn], 'Form "testskema" has no version ^4'],
    [['testskema@1.0.0', barn, '--locale', 'de'], '--locale must be "da" or "en", not "de"'],
    [['testskema@1.0.0', barn, '--today', '2026-02-30'], '--today must be a date written YYYY-MM-DD, not "2026-02-30"'],
    [['testskema@1.0.0'], 'validate needs a form reference and one file'],
    [['testskema@1.0.0', barn, 'extra.json'], 'validate needs a form reference and one file'],
    [['@1.0.0', barn], '"@1.0.0" is not a form reference'],
    [['testskema@1.0.0', barn, '--colour'], "Unknown option '--colour'"],
    [['testskema@1.0.0', join(FIXTURES, 'testskema/1.0.0/schema.json'), '--example'], 'is not a form example'],
    // An example file without --example: its wrapper is not the form's data.
    [
      ['testskema@1.0.0', barn],
      'is a form example (with "data" and "description", "today"): validate it with --example',
    ],
  ];
  it.each(cases)('%j → %s', async (args, message) => {
    const { code, err } = await run('validate', ...args, '--schemas', FIXTURES);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(message);
  });

  it('reports an unknown schemas folder', async () => {
    const { code, err } = await run('validate', 'testskema@1.0.0', barn, '--schemas', '/nonexistent/schemas');
    expect(code).toBe(2);
    expect(err).toEqual(['skema validate: Schemas folder not found: /nonexistent/schemas']);
  });

  it('validates an example on its own today, and --today overrides it', async () => {
    const io = captureIo();
    expect(await validateCommand.run(['testskema@1.0.0', barn, '--example', '--schemas', FIXTURES], io)).toBe(0);
    expect(io.lines[0]).toBe('testskema@1.0.0 (indsendelse, dato 2026-06-01): gyldig — 0 fejl, 0 advarsler');
    const other = captureIo();
    await validateCommand.run(
      ['testskema@1.0.0', barn, '--example', '--today', '2027-01-01', '--locale', 'en', '--schemas', FIXTURES],
      other,
    );
    expect(other.lines[0]).toBe('testskema@1.0.0 (submission, today 2027-01-01): valid — 0 errors, 0 warnings');
  });

  it('resolves "latest" to the highest published version, not a draft', async () => {
    const io = captureIo();
    await validateCommand.run(['testskema', barn, '--example', '--json', '--schemas', FIXTURES], io);
    expect(JSON.parse(io.lines.join('\n')).receipt.version).toBe('1.1.0');
  });
});

describe('diff', () => {
  it('names the required bump and whether the version number suffices', async () => {
    const io = captureIo();
    expect(await diffCommand.run(['testskema', '1.0.0', '1.1.0', '--locale', 'en', '--schemas', FIXTURES], io)).toBe(0);
    expect(io.lines[0]).toBe('testskema 1.0.0 → 1.1.0: 5 change(s), required bump: minor');
    expect(io.lines.at(-1)).toBe('✓ 1.1.0 is a sufficient version number after 1.0.0');
    const same = captureIo();
    await diffCommand.run(['testskema', '1.1.0', '1.1.0', '--locale', 'en', '--schemas', FIXTURES], same);
    expect(same.lines[0]).toBe('testskema 1.1.0 → 1.1.0: 0 change(s), required bump: none');
  });

  it('prints in Danish by default and in English with --locale en, the kind staying the code', async () => {
    const da = captureIo();
    await diffCommand.run(['testskema', '1.0.0', '1.1.0', '--schemas', FIXTURES], da);
    const en = captureIo();
    await diffCommand.run(['testskema', '1.0.0', '1.1.0', '--locale', 'en', '--schemas', FIXTURES], en);
    expect(da.lines[0]).toBe('testskema 1.0.0 → 1.1.0: 5 ændring(er), krævet versionsløft: minor');
    expect(da.lines.at(-1)).toBe('✓ 1.1.0 er et tilstrækkeligt versionsnummer efter 1.0.0');
    const added = (lines: string[]) => lines.find((l) => /property-added +#\/properties\/bemaerkning /.test(l));
    expect(added(da.lines)).toMatch(
      /^ {2}minor +property-added +#\/properties\/bemaerkning {2}nyt valgfrit felt "bemaerkning"$/,
    );
    expect(added(en.lines)).toMatch(
      /^ {2}minor +property-added +#\/properties\/bemaerkning {2}new optional property "bemaerkning"$/,
    );
    const none = captureIo();
    await diffCommand.run(['testskema', '1.1.0', '1.1.0', '--schemas', FIXTURES], none);
    expect(none.lines[0]).toBe('testskema 1.1.0 → 1.1.0: 0 ændring(er), krævet versionsløft: intet');
  });

  it('gives each change in --json its message in --locale and both texts', async () => {
    const io = captureIo();
    await diffCommand.run(['testskema', '1.0.0', '1.1.0', '--json', '--locale', 'en', '--schemas', FIXTURES], io);
    const json = JSON.parse(io.lines.join('\n'));
    expect(json.changes).toContainEqual({
      path: '#/properties/bemaerkning',
      kind: 'property-added',
      level: 'minor',
      message: 'new optional property "bemaerkning"',
      messages: { da: 'nyt valgfrit felt "bemaerkning"', en: 'new optional property "bemaerkning"' },
    });
  });

  it('names a version number that is too small in --locale', async () => {
    const dir = copy();
    renameSync(join(dir, 'testskema/2.0.0'), join(dir, 'testskema/1.2.0'));
    const manifest = join(dir, 'testskema/1.2.0/form.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: '1.2.0' }));
    const da = captureIo();
    await diffCommand.run(['testskema', '1.1.0', '1.2.0', '--schemas', dir], da);
    expect(da.lines.at(-1)).toMatch(
      /^✗ Versionsnummeret skal være mindst 2\.0\.0: .* Det skyldes ændringerne i #\/properties\/telefon \(feltet "telefon" er fjernet\)/,
    );
    const en = captureIo();
    await diffCommand.run(['testskema', '1.1.0', '1.2.0', '--locale', 'en', '--schemas', dir], en);
    expect(en.lines.at(-1)).toMatch(/^✗ 2\.0\.0 needed: .*#\/properties\/telefon: property "telefon" removed/);
  });

  it('requires a form id and two versions, and a known locale', async () => {
    const { code, err } = await run('diff', 'testskema', '1.0.0', '--locale', 'en', '--schemas', FIXTURES);
    expect(code).toBe(2);
    expect(err[0]).toBe('skema diff: diff needs a form id and two versions');
    expect((await run('diff', 'testskema', '1.0.0', '--schemas', FIXTURES)).err[0]).toBe(
      'skema diff: diff skal have et skema-id og to versioner',
    );
    const wrong = await run('diff', 'testskema', '1.0.0', '1.1.0', '--locale', 'de', '--schemas', FIXTURES);
    expect([wrong.code, wrong.err[0]]).toEqual([2, 'skema diff: --locale must be "da" or "en", not "de"']);
  });
});

describe('check', () => {
  it('passes on the fixtures', async () => {
    const io = captureIo();
    expect(await checkCommand.run(['--schemas', FIXTURES], io)).toBe(0);
  });

  it("fails when a version's number is smaller than its diff from the previous version requires", async () => {
    const dir = copy();
    // 2.0.0 removes the field "telefon": publish it as 1.2.0 instead.
    renameSync(join(dir, 'testskema/2.0.0'), join(dir, 'testskema/1.2.0'));
    const edit = (file: string, change: (json: Record<string, unknown>) => void) => {
      const path = join(dir, 'testskema/1.2.0', file);
      const json = JSON.parse(readFileSync(path, 'utf8'));
      change(json);
      writeFileSync(path, JSON.stringify(json));
    };
    edit('form.json', (m) => (m.version = '1.2.0'));
    edit('schema.json', (s) => (s.$id = 'https://skema.dk/schemas/testskema/1.2.0/schema.json'));
    const io = captureIo();
    expect(await checkCommand.run(['--schemas', dir], io)).toBe(1);
    expect(io.lines).toEqual([
      'testskema/1.2.0/form.json: 2.0.0 needed: testskema 1.1.0 → 1.2.0 is a minor bump, but the changes need a major bump: #/properties/telefon: property "telefon" removed',
      `✗ 1 problem(s) in ${dir}`,
    ]);
  });

  it('reports a form folder whose manifest names another version', async () => {
    const dir = copy();
    const path = join(dir, 'testskema/2.0.0/form.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"version": "2.0.0"', '"version": "2.0.1"'));
    const io = captureIo();
    expect(await checkCommand.run(['--schemas', dir], io)).toBe(1);
    expect(io.lines[0]).toBe('testskema/2.0.0/form.json: form.json says testskema@2.0.1, folder says testskema@2.0.0');
  });
});

describe('rules', () => {
  it("shows each rule's description in the text output, in the chosen language", async () => {
    const { ruleCatalogue } = await import('./rules.js');
    const [first] = ruleCatalogue(join(FIXTURES, 'no-plugins'));
    const da = await run('rules');
    expect(da.code).toBe(0);
    expect(da.out).toContain(`           ${first!.description.da}`);
    const en = await run('rules', '--locale', 'en');
    expect(en.out).toContain(`           ${first!.description.en}`);
  });
});
