import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { api, artifactPath, repoRoot, useBrowserSession } from './harness.js';

/**
 * A VISO course in one case, in Chromium (#16), through the demo's case screens:
 * 1. a caseworker opens a received henvendelse and creates the case from it (the child's name
 *    taken from the henvendelse);
 * 2. opens the opsamlingsnotat in the case, prefilled from the henvendelse (the field says where
 *    its value came from), and saves it in the case; the afklarende møde's notat with its goals is
 *    recorded through the API (filling all of it by hand is other tests' work);
 * 3. opens the leveranceaftale in the case, prefilled with the notat's goals; dropping a goal makes
 *    the cross-form rule OPS-03 report in «Tjek på tværs af sagen», and adding it back clears it;
 * 4. attaches a PPV report to the case with a progress bar («Sagens bilag»: the case's attachments
 *    API; the henvendelse's «Bilag» field with attachment references is another form version);
 * 5. finds the deadlines derived from the case's forms in «Mine frister».
 * axe finds no serious or critical violation on any of these pages.
 */

const session = useBrowserSession();

const example = (formId: string, version: string, name: string): { today: string; data: Record<string, unknown> } =>
  JSON.parse(
    readFileSync(resolve(repoRoot, 'schemas', formId, version, 'examples', 'valid', `${name}.json`), 'utf8'),
  ) as { today: string; data: Record<string, unknown> };

async function noSerious(p: Page): Promise<void> {
  expect(await seriousViolations(p)).toEqual([]);
}

/** Clicks through a categorized form's steps until the element is visible. */
async function showStepOf(p: Page, selector: string): Promise<void> {
  const target = p.locator(selector).first();
  const steps = p.locator('.skema-step');
  for (let i = 0; i < (await steps.count()) && !(await target.isVisible()); i++) await steps.nth(i).click();
  await target.waitFor();
}

describe('a VISO course in one case (Chromium)', () => {
  it('case from a henvendelse → prefilled notat → OPS-03 reports and clears → PPV attached → «Mine frister»', async () => {
    const { page: p, server } = session;
    const base = server.url;

    // The henvendelse, as received.
    const henvendelse = example('henvendelsesskema', '1.2.0', 'enkeltsag-fra-bosted-med-myndighedsraadgiver');
    const created = await api<{ submission: { id: string } }>(base, '/submissions', {
      method: 'POST',
      body: JSON.stringify({
        formId: 'henvendelsesskema',
        version: '1.2.0',
        status: 'draft',
        data: henvendelse.data,
      }),
    });
    const child = String((henvendelse.data.borger as { navn?: string } | undefined)?.navn ?? '');
    expect(child).not.toBe('');

    // 1. The case, from the henvendelse's page.
    await p.goto(`${base}/#/submissions/${created.submission.id}`);
    await p.getByRole('link', { name: 'Opret en sag med denne indsendelse' }).click();
    await p.getByRole('heading', { name: 'Opret sag' }).waitFor();
    await expect.poll(() => p.getByLabel('Borgerens navn').inputValue()).toBe(child);
    await noSerious(p);
    await p.getByRole('button', { name: 'Opret sagen' }).click();
    await p.getByRole('heading', { name: `Sag om ${child}` }).waitFor();
    const caseId = decodeURIComponent(p.url().split('#/sager/')[1] ?? '');
    expect(caseId).not.toBe('');
    const stored = await api<{
      submissions: Array<{ submissionId: string }>;
      borger: { name: string };
    }>(base, `/cases/${caseId}`);
    expect(stored.borger.name).toBe(child);
    expect(stored.submissions.map((m) => m.submissionId)).toEqual([created.submission.id]);
    await noSerious(p);

    // 2. The opsamlingsnotat, prefilled from the henvendelse, saved into the case.
    await p.getByRole('link', { name: /^Opsamlingsnotat/ }).click();
    await p.locator('.skema-form-body form').waitFor();
    await expect.poll(() => p.locator('.skema-prefill-hint').count()).toBeGreaterThan(0);
    await noSerious(p);
    await p.getByRole('button', { name: 'Gem kladde' }).click();
    await p.getByText('Skemaet er gemt og lagt i sagen.').waitFor();
    const notat = example('opsamlingsnotat', '1.1.1', 'afklarende-moede');
    const goals = (notat.data.afklarende as { del2: { maal: string[] } }).del2.maal;
    expect(goals.length).toBeGreaterThan(1);
    await api(base, `/cases/${caseId}/submissions`, {
      method: 'POST',
      body: JSON.stringify({
        formId: 'opsamlingsnotat',
        version: '1.1.1',
        status: 'draft',
        data: notat.data,
      }),
    });

    // 3. The leveranceaftale, prefilled with the notat's goals; OPS-03 across the case.
    await p.goto(`${base}/#/sager/${encodeURIComponent(caseId)}/skema/leveranceaftale`);
    await p.locator('.skema-form-body form').waitFor();
    const checks = p.locator('.case-checks [role="status"]');
    await expect
      .poll(() => checks.textContent(), { timeout: 15_000 })
      .toContain('Ingen fund i forhold til sagens andre skemaer.');
    await showStepOf(p, '[data-pointer="/leverancebeskrivelse/maal"]');
    const lastGoal = goals[goals.length - 1] ?? '';
    await expect
      .poll(() => p.locator(`#skema-field__leverancebeskrivelse__maal__${goals.length - 1}`).inputValue())
      .toBe(lastGoal);
    await p.getByRole('button', { name: `Fjern mål nr. ${goals.length}` }).click();
    await expect.poll(() => checks.textContent(), { timeout: 15_000 }).toContain('OPS-03');
    expect(await checks.textContent()).toContain(lastGoal.slice(0, 40));
    await noSerious(p);
    await p.screenshot({ path: artifactPath('case-course-ops03.png') });
    await p
      .getByRole('button', { name: /^Tilføj mål/ })
      .last()
      .click();
    const added = p.locator(`#skema-field__leverancebeskrivelse__maal__${goals.length - 1}`);
    await added.fill(lastGoal);
    await added.press('Tab');
    await expect
      .poll(() => checks.textContent(), { timeout: 15_000 })
      .toContain('Ingen fund i forhold til sagens andre skemaer.');
    await p.getByRole('button', { name: 'Gem kladde' }).click();
    await p.getByText('Skemaet er gemt og lagt i sagen.').waitFor();

    // 4. A PPV report attached to the case, with progress.
    await p.goto(`${base}/#/sager/${encodeURIComponent(caseId)}`);
    await p.getByRole('heading', { name: 'Sagens bilag' }).waitFor();
    await p.getByLabel('Vedhæft en fil til sagen').setInputFiles({
      name: 'PPV-udtalelse.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 0x41)]),
    });
    await p.locator('.case-files').getByText('PPV-udtalelse.pdf', { exact: true }).waitFor();
    await p.getByText('PPV-udtalelse.pdf er vedhæftet.').waitFor({ state: 'attached' });
    const files = await api<{ items: Array<{ fileName: string; mediaType: string }> }>(
      base,
      `/cases/${caseId}/attachments`,
    );
    expect(files.items).toEqual([
      expect.objectContaining({ fileName: 'PPV-udtalelse.pdf', mediaType: 'application/pdf' }),
    ]);
    await noSerious(p);

    // 5. «Mine frister»: the case's derived deadlines, soonest first.
    const expected = await api<{ items: Array<{ caseId: string; ruleId: string; due: string }> }>(base, '/worklist');
    const ours = expected.items.filter((d) => d.caseId === caseId);
    expect(ours.length).toBeGreaterThan(0);
    await p.getByRole('link', { name: 'Mine frister' }).click();
    await p.getByRole('heading', { name: 'Mine frister' }).waitFor();
    const rows = p.locator('table.worklist tbody tr').filter({ hasText: `Sag om ${child}` });
    await expect.poll(() => rows.count()).toBe(ours.length);
    expect(await rows.first().locator('time').getAttribute('datetime')).toBe(ours[0]?.due);
    expect(await rows.first().textContent()).toContain(ours[0]?.ruleId ?? '');
    await noSerious(p);
    await p.screenshot({ path: artifactPath('case-course-worklist.png') });
  });
});
