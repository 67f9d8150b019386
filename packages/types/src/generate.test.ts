import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { formContentHash, type FormVersion } from '@skema/core';
import { loadForms, schemasDir } from '@skema/forms';
import { ForeignFileError, generateFormTypes, typeNameFor, writeFormTypes } from './generate.js';
import { prepareSchemaForTypes } from './prepare-schema.js';

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skema-types-'));
  tempDirs.push(dir);
  return dir;
}

/** Type-checks `source` beside the generated files; returns the diagnostics as text. */
function typeCheck(dir: string, source: string): string[] {
  const file = join(dir, 'check.ts');
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    // Without DOM: the default library set makes every check several times slower.
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

function fixtureForm(version: string): FormVersion {
  const form: Omit<FormVersion, 'hash'> = {
    manifest: {
      id: 'typeskema',
      version,
      title: { da: 'T', en: 'T' },
      status: 'published',
      plugins: [],
      changelog: 'x',
    },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://skema.dk/schemas/typeskema/${version}/schema.json`,
      title: 'Typeskema',
      type: 'object',
      properties: {
        borger: { $ref: '#/$defs/person' },
        status: { type: 'string', enum: ['Ny', 'Lukket'], title: 'Status' },
        antal: { type: 'integer', minimum: 0 },
        if: { type: 'boolean', title: 'A field that happens to be called if' },
      },
      required: ['borger', 'status'],
      additionalProperties: false,
      allOf: [{ if: { properties: { status: { const: 'Lukket' } } }, then: { required: ['antal'] } }],
      $defs: {
        person: {
          type: 'object',
          properties: { navn: { type: 'string' } },
          required: ['navn'],
          additionalProperties: false,
        },
      },
    },
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: { da: {}, en: {} },
  };
  return { ...form, hash: formContentHash(form) };
}

describe('typeNameFor', () => {
  it('makes a PascalCase name with the version', () => {
    expect(typeNameFor('underretning', '1.0.0')).toBe('Underretning_1_0_0');
    expect(typeNameFor('raadgivningslog', '2.10.3')).toBe('Raadgivningslog_2_10_3');
    expect(typeNameFor('plan-b', '1.0.0-rc.1')).toBe('PlanB_1_0_0_rc_1');
  });
});

describe('prepareSchemaForTypes', () => {
  it('drops conditionals and identifiers but keeps properties with such names', () => {
    const prepared = prepareSchemaForTypes(fixtureForm('1.0.0').schema) as {
      $id?: unknown;
      allOf?: unknown;
      properties: { if: unknown; status: { description: unknown } };
      $defs: { person: { required: unknown } };
    };
    expect(prepared.$id).toBeUndefined();
    expect(prepared.allOf).toBeUndefined();
    expect(prepared.properties.if).toEqual({ type: 'boolean', description: 'A field that happens to be called if' });
    expect(prepared.properties.status.description).toBe('Status');
    expect(prepared.$defs.person.required).toEqual(['navn']);
  });
});

describe('generateFormTypes', () => {
  it('generates one interface per version and the FormDataTypes map', async () => {
    const files = await generateFormTypes([fixtureForm('1.0.0'), fixtureForm('1.1.0')]);
    expect(files.map((f) => f.path)).toEqual(['typeskema/1.0.0.ts', 'typeskema/1.1.0.ts', 'index.ts']);
    const v1 = files[0]!.content;
    expect(v1).toContain('export interface Typeskema_1_0_0 {');
    expect(v1).toMatch(/borger: Person;/);
    expect(v1).toMatch(/status: "Ny" \| "Lukket";/);
    expect(v1).toMatch(/antal\?: number;/);
    const index = files[2]!.content;
    expect(index).toContain("'typeskema@1.1.0': Typeskema_1_1_0;");
    expect(index).toContain("'typeskema': Typeskema_1_1_0;");
  });

  it('produces types that accept valid data and reject wrong data', async () => {
    const dir = tempDir();
    await writeFormTypes([fixtureForm('1.0.0')], dir);
    const diagnostics = typeCheck(
      dir,
      `import type { FormDataTypes, Typeskema_1_0_0 } from './index.js';
export const ok: FormDataTypes['typeskema@1.0.0'] = { borger: { navn: 'Anna' }, status: 'Lukket', antal: 2, if: true };
// @ts-expect-error an enum value the schema does not allow
export const badEnum: Typeskema_1_0_0 = { borger: { navn: 'Anna' }, status: 'Åben' };
// @ts-expect-error an unknown field (additionalProperties: false)
export const unknownField: Typeskema_1_0_0 = { borger: { navn: 'Anna' }, status: 'Ny', ekstra: 1 };
// @ts-expect-error a required field is missing
export const missing: Typeskema_1_0_0 = { status: 'Ny' };
`,
    );
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it('removes the types of removed versions, and only files it wrote', async () => {
    const dir = tempDir();
    await writeFormTypes([fixtureForm('1.0.0'), fixtureForm('1.1.0')], dir);
    // The user's own files in the same folder, one of them beside the generated types.
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine/app.ts'), 'export const app = 1;\n');
    writeFileSync(join(dir, 'typeskema/notes.md'), 'keep\n');
    writeFileSync(join(dir, 'README.md'), 'keep\n');
    await writeFormTypes([fixtureForm('1.1.0')], dir);
    expect(() => readFileSync(join(dir, 'typeskema/1.0.0.ts'))).toThrow();
    expect(readFileSync(join(dir, 'index.ts'), 'utf8')).not.toContain('1_0_0');
    expect(readFileSync(join(dir, 'mine/app.ts'), 'utf8')).toBe('export const app = 1;\n');
    expect(readFileSync(join(dir, 'typeskema/notes.md'), 'utf8')).toBe('keep\n');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('keep\n');
    // A folder left empty by a removed form goes; the user's folders stay.
    await writeFormTypes([], dir);
    expect(existsSync(join(dir, 'typeskema/notes.md'))).toBe(true);
    expect(existsSync(join(dir, 'mine/app.ts'))).toBe(true);
  });

  it('does not overwrite a file of the user where a type goes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.ts'), 'export const mine = 1;\n');
    await expect(writeFormTypes([fixtureForm('1.0.0')], dir)).rejects.toBeInstanceOf(ForeignFileError);
    expect(readFileSync(join(dir, 'index.ts'), 'utf8')).toBe('export const mine = 1;\n');
    expect(existsSync(join(dir, 'typeskema'))).toBe(false);
  });
});

describe('types of the repository forms', () => {
  it('accept every valid example of every form version', async () => {
    const forms = loadForms(schemasDir());
    const dir = tempDir();
    await writeFormTypes(forms, dir);
    const lines = ["import type { FormDataTypes } from './index.js';"];
    for (const form of forms) {
      const key = `${form.manifest.id}@${form.manifest.version}`;
      form.examples?.valid.forEach((example, i) => {
        lines.push(
          `// ${key} valid/${example.name}`,
          `export const e_${lines.length}_${i}: FormDataTypes['${key}'] = ${JSON.stringify(example.data)};`,
        );
      });
    }
    expect(typeCheck(dir, lines.join('\n'))).toEqual([]);
  }, 120_000);
});
