import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSubmission } from './demo-flow.js';
import { fillThroughUi } from './fill-form.js';
import { repoRoot, useBrowserSession } from './harness.js';

const session = useBrowserSession();

// One rich example of each step-by-step core form (the underretning is in demo.test.ts), typed and
// picked field by field through the demo: every field reachable, every value stored at its own place.
const CASES = [
  ['henvendelsesskema', 'enkeltsag-ung-16-med-samtykke'],
  ['leveranceaftale', 'hoejpris-to-leverandoerer'],
  ['evalueringsskema', 'afsluttende-moede-borger-fravaerende'],
  ['indsatsplan', 'opfoelgning-med-observerede-forskelle'],
] as const;

describe('core forms filled from empty in the demo', () => {
  for (const [formId, example] of CASES) {
    it(`${formId}: ${example} typed in, saved as a draft, stored as exactly that data`, async () => {
      const dir = resolve(repoRoot, `schemas/${formId}/1.0.0`);
      const schema = JSON.parse(readFileSync(resolve(dir, 'schema.json'), 'utf8'));
      const { data } = JSON.parse(readFileSync(resolve(dir, `examples/valid/${example}.json`), 'utf8'));
      const p = session.page;
      await p.goto(`${session.server.url}/#/forms/${formId}/1.0.0`);
      await p.reload();
      await p.locator('.skema-form-body form').waitFor();
      await fillThroughUi(p, schema, data);
      await p.getByRole('button', { name: 'Gem kladde' }).click();
      const link = p.locator('.next-steps a').first();
      await link.waitFor();
      const id = decodeURIComponent((await link.getAttribute('href'))!.replace('#/submissions/', ''));
      const stored = await getSubmission(session.server.url, id);
      expect(stored.status).toBe('draft');
      expect(stored.data).toEqual(data);
    });
  }
});

describe('the rådgivningslog filled from empty in the demo', () => {
  it('midt-i-forloebet: its tables, meetings and goals typed in, the role matrix row by row; stored as exactly that data', async () => {
    const dir = resolve(repoRoot, 'schemas/raadgivningslog/1.0.0');
    const schema = JSON.parse(readFileSync(resolve(dir, 'schema.json'), 'utf8'));
    const { data } = JSON.parse(readFileSync(resolve(dir, 'examples/valid/midt-i-forloebet.json'), 'utf8'));
    const { rolleOgOpgavefordeling: matrix, ...rest } = data as { rolleOgOpgavefordeling: MatrixRow[] } & Record<
      string,
      unknown
    >;
    const p = session.page;
    await p.goto(`${session.server.url}/#/forms/raadgivningslog/1.0.0`);
    await p.reload();
    await p.locator('.skema-form-body form').waitFor();
    await fillThroughUi(p, schema, rest);
    // The matrix has the paper form's fixed rows (the schema's default); each example row goes into its role's row.
    const fixed = (schema.properties.rolleOgOpgavefordeling.default as MatrixRow[]).map((r) => r.rolle);
    for (const row of matrix) {
      const index = fixed.indexOf(row.rolle);
      expect(index, row.rolle).toBeGreaterThanOrEqual(0);
      const cell = (name: string) => p.locator(`#skema-field__rolleOgOpgavefordeling__${index}__${name}`);
      await cell('navne').fill(row.navne.join(', '));
      await cell('navne').blur();
      for (const [k, text] of (row.aftaler.fremTilArbejdsmoeder ?? []).entries()) {
        await cell(`aftaler__fremTilArbejdsmoeder__${k}`).fill(text);
        await cell(`aftaler__fremTilArbejdsmoeder__${k}`).blur();
      }
    }
    await p.getByRole('button', { name: 'Gem kladde' }).click();
    const link = p.locator('.next-steps a').first();
    await link.waitFor();
    const id = decodeURIComponent((await link.getAttribute('href'))!.replace('#/submissions/', ''));
    const stored = (await getSubmission(session.server.url, id)).data as typeof data;
    const { rolleOgOpgavefordeling: storedMatrix, ...storedRest } = stored as {
      rolleOgOpgavefordeling: MatrixRow[];
    } & Record<string, unknown>;
    expect(storedRest).toEqual(rest);
    const roles = new Set(matrix.map((r) => r.rolle));
    expect(storedMatrix.filter((r) => roles.has(r.rolle))).toEqual(matrix);
    // The fixed rows nobody filled in stay, empty.
    expect(storedMatrix.filter((r) => !roles.has(r.rolle)).every((r) => r.navne.length === 0)).toBe(true);
  });
});

interface MatrixRow {
  rolle: string;
  navne: string[];
  aftaler: { fremTilArbejdsmoeder?: string[] };
}
