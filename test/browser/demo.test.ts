import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraft, getSubmission, OBSERVATIONS, underretningWithoutObservations } from './demo-flow.js';
import { fillThroughUi } from './fill-form.js';
import { artifactPath, repoRoot, useBrowserSession } from './harness.js';
import { signInAtDemo } from './people.js';

// The underretning is sent with the fagkonsulent's co-signature (UND-03), an act of a signed-in
// person: Frederik Fagkonsulent signs in, and his «Indsend» records his co-signature.
const session = useBrowserSession(
  async ({ page, server }) => {
    await page.goto(`${server.url}/`);
    await signInAtDemo(page, server, 'Frederik Fagkonsulent (fagkonsulent)');
  },
  { signIn: true },
);

describe('demo portal (React component)', () => {
  it('fills the underretning, shows UND-02 in the summary and at the field, fixes it, submits, and the API has it', async () => {
    const id = await createDraft(session.server.url, underretningWithoutObservations());
    await session.page.goto(`${session.server.url}/#/forms/underretning/1.0.0?submission=${id}`);
    const facts = session.page.locator('#skema-field__faktuelleOplysninger');
    await facts.waitFor();
    // Typing in the demo (the draft holds the rest of a realistic case).
    await facts.press('End');
    await facts.pressSequentially(' Skolen har registreret fraværet dagligt.');

    await session.page.getByRole('button', { name: 'Indsend' }).click();
    const summary = session.page.locator('.skema-error-summary[role="alert"]');
    await expect.poll(() => summary.textContent()).toContain('Iagttagelser');
    const link = summary.locator('li[data-code="UND-02"] a');
    expect(await link.getAttribute('href')).toBe('#skema-field__iagttagelser');
    const field = session.page.locator('#skema-field__iagttagelser');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
    expect(describedBy).toContain('skema-field__iagttagelser-error');
    expect(await session.page.locator('#skema-field__iagttagelser-error').textContent()).toContain(
      await link.textContent(),
    );
    await session.page.screenshot({ path: artifactPath('demo-underretning-error.png'), fullPage: true });

    await link.click();
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe('skema-field__iagttagelser');
    await session.page.keyboard.type(OBSERVATIONS);
    await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();

    await session.page.getByRole('button', { name: 'Indsend' }).click();
    await session.page.getByText(`Kvitteringsnummer: ${id}`).waitFor();
    // Where the print view was offered after sending, the receipt offers the archival PDF (#15).
    await session.page.getByRole('button', { name: 'Hent dokumentet (PDF)' }).waitFor();
    expect(await session.page.getByRole('link', { name: 'Udskriftsvenlig version' }).count()).toBe(0);

    const stored = await getSubmission(session.server.url, id);
    expect(stored.status).toBe('submitted');
    expect(stored.approvals).toEqual([
      expect.objectContaining({ actorId: 'oidc:demo-fagkonsulent', kind: 'person', role: 'fagkonsulent' }),
    ]);
    expect(stored.data.iagttagelser).toBe(OBSERVATIONS);
    expect(String(stored.data.faktuelleOplysninger)).toMatch(/Skolen har registreret fraværet dagligt\.$/);
  });

  it('lists the submission with its status, shows its revisions and offers the archival PDF document instead of a print view', async () => {
    await session.page.goto(`${session.server.url}/#/submissions?status=submitted`);
    const row = session.page.locator('tr[data-submission]').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Indsendt');
    const id = (await row.getAttribute('data-submission'))!;
    await row.locator('a').click();
    await session.page.getByRole('heading', { name: 'Historik' }).waitFor();
    expect(await session.page.locator('.revisions li').count()).toBeGreaterThanOrEqual(3);
    // #15: the browser's print view is gone; the receipt offers the document the archive gets.
    expect(await session.page.getByRole('link', { name: 'Udskriftsvenlig version' }).count()).toBe(0);
    const download = session.page.waitForEvent('download');
    await session.page.getByRole('button', { name: 'Hent dokumentet (PDF)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${id}.pdf`);
    const path = await file.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The old print address opens the submission page with the same document button.
    await session.page.goto(`${session.server.url}/#/submissions/${id}/print`);
    await session.page.getByRole('button', { name: 'Hent dokumentet (PDF)' }).waitFor();
    expect(await session.page.locator('.print-document').count()).toBe(0);
  });
});

describe('demo portal: an underretning filled from empty', () => {
  for (const example of ['kommune-sendt-medunderskrevet', 'ankestyrelsen-saerlige-forhold']) {
    it(`${example}: every field typed or picked in the form, UND-02 shown while the observations are missing, then submitted as exactly that data`, async () => {
      const form = JSON.parse(readFileSync(resolve(repoRoot, 'schemas/underretning/1.0.0/schema.json'), 'utf8'));
      const { data } = JSON.parse(
        readFileSync(resolve(repoRoot, `schemas/underretning/1.0.0/examples/valid/${example}.json`), 'utf8'),
      );
      const p = session.page;
      // A fresh page: the previous test leaves a submitted form at the same address.
      await p.goto(`${session.server.url}/#/forms/underretning/1.0.0`);
      await p.reload();
      await p.locator('#skema-field__type').waitFor();
      await fillThroughUi(p, form, data, ['/iagttagelser']);

      await p.getByRole('button', { name: 'Indsend' }).click();
      const summary = p.locator('.skema-error-summary[role="alert"]');
      await summary.waitFor();
      expect(
        await summary.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code'))),
      ).toEqual(['UND-02']);
      expect(await p.locator('#skema-field__iagttagelser').getAttribute('aria-invalid')).toBe('true');

      await summary.locator('li[data-code="UND-02"] a').click();
      await p.keyboard.type(String(data.iagttagelser));
      await p.getByRole('button', { name: 'Indsend' }).click();
      const receipt = p.getByText(/Kvitteringsnummer: /);
      await receipt.waitFor();
      const id = (await receipt.textContent())!.replace(/.*Kvitteringsnummer: /, '').trim();
      const stored = await getSubmission(session.server.url, id);
      expect(stored.status).toBe('submitted');
      expect(stored.data).toEqual(data);
    });
  }
});
