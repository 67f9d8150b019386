import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { artifactPath, useBrowserSession } from './harness.js';

const RINGSTED_KEY = 'skema-dev-key-ringsted';
const NORDBY_KEY = 'skema-dev-key-nordby';

const session = useBrowserSession(async ({ page, server }) => {
  // The demo keeps the chosen API key in localStorage; Ringsted's and Nordby's development keys have the admin role.
  await page.goto(`${server.url}/`);
  await useKey(page, RINGSTED_KEY);
});

async function useKey(page: Page, key: string): Promise<void> {
  await page.evaluate((k) => localStorage.setItem('skema-demo-api-key', k), key);
}

async function api<T>(path: string, key = RINGSTED_KEY): Promise<T> {
  const res = await fetch(`${session.server.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

type Effective = { source: string; version?: string; overlay?: Record<string, unknown> };

/** The admin page for one form, loaded afresh (as choosing the form again does). */
async function openEditor(formId: string) {
  const page = session.page;
  await page.goto(`${session.server.url}/#/admin`);
  await page.reload();
  await page.getByLabel('Formular', { exact: true }).selectOption(formId);
  const editor = page.locator('.admin-editor');
  await editor.locator('[data-in-effect]').waitFor();
  return editor;
}

const field = (editor: ReturnType<Page['locator']>, label: string) =>
  editor.getByRole('group', { name: label, exact: true });
const publishHelp = (editor: ReturnType<Page['locator']>) => editor.locator('#publish-help');

describe('form editor for a municipal administrator (#17)', () => {
  it('starts from the git configuration in effect: shows its version and choices, and has nothing to publish', async () => {
    await useKey(session.page, NORDBY_KEY);
    const editor = await openEditor('aftaleskema');
    // Nordby's git overlay 1.0.0 hides udvidetForaeldresamarbejde and requires the parents' consent.
    expect(await editor.locator('[data-in-effect]').textContent()).toBe(
      'Gælder nu: Nordbys tilpasninger, version 1.0.0 (fra kommunens faste opsætning).',
    );
    expect(
      await editor.locator('fieldset[data-pointer="/udvidetForaeldresamarbejde"]').getByLabel('Skjul').isChecked(),
    ).toBe(true);
    expect(
      await editor.locator('fieldset[data-pointer="/foraeldre/foraeldreSamtykke"]').getByLabel('Påkrævet').isChecked(),
    ).toBe(true);
    expect(
      await editor
        .locator('fieldset[data-pointer="/foraeldre/foraeldreSamtykke"]')
        .getByLabel('Ledetekst')
        .inputValue(),
    ).toMatch(/kræves i Nordby/);
    expect(await editor.locator('.change-summary').textContent()).toContain('Ingen ændringer');
    await expect.poll(() => publishHelp(editor).textContent()).toBe('Der er ingen ændringer at udgive.');
    expect(await editor.getByRole('button', { name: 'Udgiv ændringerne' }).isDisabled()).toBe(true);

    // A field the national form requires cannot be hidden, and says why.
    const required = editor.locator('fieldset[data-pointer="/deltagere"]');
    expect(await required.getByLabel('Skjul').isDisabled()).toBe(true);
    expect(await required.locator('.reason').first().textContent()).toBe(
      'Kan ikke skjules: feltet skal udfyldes efter den nationale formular (lovkrav).',
    );
    expect(await required.getByLabel('Påkrævet').isDisabled()).toBe(true);

    await useKey(session.page, RINGSTED_KEY);
    const ringsted = await openEditor('aftaleskema');
    expect(await ringsted.locator('[data-in-effect]').textContent()).toBe(
      'Gælder nu: Ringsteds tilpasninger, version 2.0.0 (fra kommunens faste opsætning).',
    );
    expect(await ringsted.locator('[data-own-field]').count()).toBe(3);
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it('a non-programmer hides, requires and renames fields, publishes, sees the effect, and a fourth change keeps the first three', async () => {
    const page = session.page;
    const editor = await openEditor('underretning');
    expect(await editor.locator('[data-in-effect]').textContent()).toBe(
      'Gælder nu: den nationale formular uden Ringsteds tilpasninger.',
    );
    // No jargon in the default view.
    const visible = (await editor.innerText()).replace(/Avanceret: indstillingerne som JSON[\s\S]*$/, '');
    expect(visible).not.toMatch(/lejer|overlay|versionsløft|\/properties\//i);

    await field(editor, 'VISO-sagsnummer').getByLabel('Skjul').check();
    await field(editor, 'Den stedlige kommune').getByLabel('Påkrævet').check();
    await field(editor, 'Modtager').getByLabel('Ledetekst').fill('Modtager af underretningen');
    // A required field cannot be hidden.
    expect(await field(editor, 'Den stedlige kommune').getByLabel('Skjul').isDisabled()).toBe(true);

    const summary = editor.locator('.change-summary li');
    await expect
      .poll(() => summary.allTextContents())
      .toEqual([
        'Feltet «VISO-sagsnummer» bliver skjult.',
        'Feltet «Den stedlige kommune» skal nu udfyldes.',
        'Feltet «Modtager» hedder nu «Modtager af underretningen».',
      ]);
    await expect
      .poll(() => publishHelp(editor).textContent(), { timeout: 10_000 })
      .toBe('Ændringerne udgives som version 1.0.0.');
    const preview = page.locator('section[aria-labelledby=preview-title]');
    await expect.poll(() => preview.locator('.preview-form').textContent()).toContain('Modtager af underretningen');
    await page.screenshot({ path: artifactPath('admin-editor.png'), fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);

    await editor.getByRole('button', { name: 'Udgiv ændringerne' }).click();
    await expect
      .poll(() => editor.locator('.config-actions').textContent(), { timeout: 15_000 })
      .toContain('Version 1.0.0 er udgivet og gælder nu for sagsbehandlerne.');
    await expect
      .poll(() => editor.locator('[data-in-effect]').textContent())
      .toBe('Gælder nu: Ringsteds tilpasninger, version 1.0.0 (udgivet her på siden).');

    // The effect, as the municipality's caseworkers get the form.
    await page.goto(`${session.server.url}/#/forms/underretning`);
    const form = page.locator('main');
    await form.getByLabel('Modtager af underretningen').first().waitFor();
    expect(await form.getByLabel('VISO-sagsnummer').count()).toBe(0);
    expect(await form.getByLabel('Den stedlige kommune').first().getAttribute('aria-required')).toBe('true');

    // Choosing the form again starts from what is in effect: the earlier changes are there, nothing is pending.
    const again = await openEditor('underretning');
    expect(await field(again, 'VISO-sagsnummer').getByLabel('Skjul').isChecked()).toBe(true);
    expect(await field(again, 'Den stedlige kommune').getByLabel('Påkrævet').isChecked()).toBe(true);
    expect(await field(again, 'Modtager').getByLabel('Ledetekst').inputValue()).toBe('Modtager af underretningen');
    expect(await again.locator('.change-summary').textContent()).toContain('Ingen ændringer');

    await again.getByLabel('Formularens overskrift').fill('Underretning (Ringsted)');
    await expect
      .poll(() => again.locator('.change-summary li').allTextContents())
      .toEqual(['Overskriften ændres fra «Underretning» til «Underretning (Ringsted)».']);
    await expect
      .poll(() => publishHelp(again).textContent(), { timeout: 10_000 })
      .toMatch(/^Ændringerne udgives som version 1\.0\.1\.$/);
    await again.getByRole('button', { name: 'Udgiv ændringerne' }).click();
    await expect
      .poll(() => again.locator('.config-actions').textContent(), { timeout: 15_000 })
      .toContain('Version 1.0.1 er udgivet og gælder nu for sagsbehandlerne.');
    await page.screenshot({ path: artifactPath('admin-published.png'), fullPage: false });

    const effective = await api<Effective>('/admin/form-configs/effective/underretning');
    expect(effective).toMatchObject({ source: 'api', version: '1.0.1' });
    expect(effective.overlay).toMatchObject({
      title: { da: 'Underretning (Ringsted)' },
      hide: ['/sagsnummer'],
      require: ['/kommune'],
      texts: { da: { 'modtager.label': 'Modtager af underretningen' } },
    });
    const served = await api<{
      title: { da: string };
      i18n: { da: Record<string, string> };
      schema: { required: string[] };
    }>('/forms/underretning/versions/latest');
    expect([served.title.da, served.i18n.da['modtager.label'], served.schema.required.includes('kommune')]).toEqual([
      'Underretning (Ringsted)',
      'Modtager af underretningen',
      true,
    ]);
  });

  it('adds an own field with a live preview, and explains broken JSON in the advanced view in Danish', async () => {
    const editor = await openEditor('indsatsplan');
    await editor.getByLabel('Ledetekst for det nye felt').fill('Lokalt journalnummer');
    await editor.getByRole('button', { name: 'Tilføj felt' }).click();
    await expect
      .poll(() => editor.locator('.change-summary li').allTextContents())
      .toContain('Nyt felt: «Lokalt journalnummer».');
    // Ringsted's indsatsplan has steps: its own fields are in its own step, last.
    const preview = session.page.locator('.preview-form');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain('Ringsted: mødestruktur');
    await preview.getByText('Ringsted: mødestruktur').first().click();
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain('Lokalt journalnummer');

    await editor.getByText('Avanceret: indstillingerne som JSON').click();
    const json = editor.getByLabel('Indstillingerne som JSON');
    expect(JSON.parse(await json.inputValue())).toMatchObject({
      fields: { properties: { lokaltJournalnummer: { type: 'string' } } },
    });
    await json.fill('{\n  "hide": []\n  "require": []\n}');
    await expect.poll(() => json.getAttribute('aria-invalid')).toBe('true');
    expect(await editor.locator('#overlay-json-error').textContent()).toBe(
      'Teksten er ikke gyldig JSON (linje 3, tegn 3): her skulle stå et komma (,) før næste felt, eller } til sidst.',
    );
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it('tells a user without the admin role that they lack it', async () => {
    const other = await session.browser.newPage({ locale: 'da-DK' });
    await other.goto(`${session.server.url}/`);
    await other.evaluate(() => localStorage.setItem('skema-demo-api-key', 'skema-dev-key-leder'));
    await other.goto(`${session.server.url}/#/admin`);
    await expect.poll(() => other.locator('main [role=alert]').textContent()).toContain('admin');
    await other.close();
  });
});
