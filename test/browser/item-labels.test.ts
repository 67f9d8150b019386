import { loadStandardRegistry } from '@skema/forms';
import { describe, expect, it } from 'vitest';
import { artifactPath, useBrowserSession } from './harness.js';

// Issue #13: list items are named in the singular from the form's `<list>.item.label` texts, which
// arrived with new patch versions of the forms («Samtykker: nr. 1» became «Samtykke nr. 1»).
const session = useBrowserSession();

describe('list items named in the singular', () => {
  it('henvendelsesskema, newest version: «Tilføj samtykke», «Samtykke nr. 1», «Fjern samtykke nr. 1»', async () => {
    const newest = loadStandardRegistry().resolve('henvendelsesskema').manifest.version;
    const p = session.page;
    await p.goto(`${session.server.url}/#/forms/henvendelsesskema/latest`);
    await p.reload();
    await p.locator('.skema-form-body form').waitFor();
    expect(await p.locator('.skema-form-body').getAttribute('data-version')).toBe(newest);
    await p.locator('.skema-step', { hasText: 'Samtykke' }).click();
    const list = p.locator('[data-pointer="/samtykke/samtykker"]');
    await list.getByRole('button', { name: 'Tilføj samtykke', exact: true }).click();
    await list.getByRole('button', { name: 'Tilføj samtykke', exact: true }).click();
    const legends = await list.locator('.skema-legend--item').allTextContents();
    expect(legends).toEqual(['Samtykke nr. 1', 'Samtykke nr. 2']);
    expect(await list.getByRole('button', { name: 'Fjern samtykke nr. 2', exact: true }).count()).toBe(1);
    expect(await p.getByText(/Samtykker: nr\.|Tilføj til samtykker/).count()).toBe(0);
    await p.screenshot({ path: artifactPath('henvendelsesskema-samtykke-item-labels.png'), fullPage: true });
  });
});
