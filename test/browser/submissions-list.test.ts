import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { api, artifactPath, repoRoot, useBrowserSession } from './harness.js';
import { personToken } from './people.js';

// Issue #17: the caseworker's submissions list names the child (as the demo tenants' list policy
// allows, never the CPR number), the case and who created it, and searches what it shows.
const session = useBrowserSession(undefined, { signIn: true });

type Data = { barn: { navn: string; cpr: string } } & Record<string, unknown>;
const example = (): Data =>
  JSON.parse(
    readFileSync(
      resolve(repoRoot, 'schemas/underretning/1.0.0/examples/valid/kommune-sendt-medunderskrevet.json'),
      'utf8',
    ),
  ).data as Data;

async function create(data: Data, token?: string): Promise<string> {
  const init = {
    method: 'POST',
    body: JSON.stringify({ formId: 'underretning', version: '1.0.0', status: 'draft', data }),
    ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
  };
  return (await api<{ submission: { id: string } }>(session.server.url, '/submissions', init)).submission.id;
}

describe('the submissions list (#17)', () => {
  it('shows child, case and creator, searches by the child’s name and the kvitteringsnummer, never shows or finds a CPR number; axe 0', async () => {
    const p = session.page;
    const base = example();
    const cpr = base.barn.cpr;
    const milla = await create({ ...base, barn: { ...base.barn, navn: 'Milla Østergård' } });
    const frederik = await personToken(session.server, 'demo-fagkonsulent');
    const johan = await create({ ...base, barn: { ...base.barn, navn: 'Johan Ravn' } }, frederik);
    const made = await api<{ id: string }>(session.server.url, '/cases', {
      method: 'POST',
      body: JSON.stringify({
        title: 'Skolefravær 2026',
        borger: { name: 'Johan Ravn', birthDate: '2015-03-01' },
        submissionIds: [johan],
      }),
    });

    await p.goto(`${session.server.url}/#/submissions`);
    const rows = p.locator('tr[data-submission]');
    await rows.first().waitFor();
    const table = p.getByRole('table', { name: /Indsendelser/ });
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual([
      'Formular',
      'Barn',
      'Sag',
      'Status',
      'Oprettet af',
      'Senest ændret',
      'Kvitteringsnummer',
    ]);
    const millaRow = p.locator(`tr[data-submission="${milla}"]`);
    const johanRow = p.locator(`tr[data-submission="${johan}"]`);
    expect(await millaRow.textContent()).toContain('Milla Østergård');
    expect(await millaRow.textContent()).toContain('Ingen sag');
    expect(await millaRow.textContent()).toContain('API-nøgle demo-dev');
    expect(await johanRow.textContent()).toContain('Johan Ravn');
    expect(await johanRow.textContent()).toContain('Skolefravær 2026');
    expect(await johanRow.textContent()).toContain('Frederik Fagkonsulent');
    const page = await p.content();
    expect(page).not.toContain(cpr);
    expect(page).not.toContain(cpr.replace('-', ''));
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: artifactPath('submissions-list.png'), fullPage: true });

    const search = p.getByRole('searchbox', { name: /Søg/ });
    // Typed as a person types: one request after the pause, not one per key.
    let requests = 0;
    const count = (r: { url(): string }) =>
      void (r.url().includes('/api/v1/submissions?') && r.url().includes('q=') && (requests += 1));
    p.on('request', count);
    await search.pressSequentially('østergå', { delay: 40 });
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-submission'))))
      .toEqual([milla]);
    p.off('request', count);
    expect(requests).toBe(1);
    expect(await p.getByRole('status').filter({ hasText: 'Viser' }).textContent()).toContain('1 indsendelse');

    await search.fill(johan.slice(0, 13));
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-submission'))))
      .toEqual([johan]);
    await search.fill('skolefravær');
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-submission'))))
      .toEqual([johan]);
    await search.fill(made.id);
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-submission'))))
      .toEqual([johan]);

    // A CPR number finds nothing: the list says so and shows no row.
    await search.fill(cpr);
    await p.getByText(`Ingen indsendelser matcher «${cpr}».`).waitFor();
    expect(await rows.count()).toBe(0);
    await search.fill(cpr.slice(0, 6));
    await p.getByText(`Ingen indsendelser matcher «${cpr.slice(0, 6)}».`).waitFor();
    expect(await seriousViolations(p)).toEqual([]);

    // A draft opens at its stable address from the list.
    await search.fill('');
    await johanRow.getByRole('link').click();
    await p.waitForURL(`**/#/submissions/${johan}`);
    await p.getByRole('heading', { name: 'Historik' }).waitFor();
  });
});
