import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { artifactPath, CORE_FORMS, useBrowserSession } from './harness.js';

const session = useBrowserSession();

async function openForm(p: Page, formId: string): Promise<void> {
  await p.goto(`${session.server.url}/#/forms/${formId}/latest`);
  await p.locator('.skema-form-body form').waitFor();
  await p
    .locator('.skema-form-body form input, .skema-form-body form textarea, .skema-form-body form select')
    .first()
    .waitFor();
}

/**
 * Audits every step of the form (step-by-step forms show one category at a time), with the
 * approval blocks' edit parts opened, and writes one screenshot per step.
 */
async function auditEveryStep(
  p: Page,
  formId: string,
  suffix: string,
): Promise<{ steps: number; violations: string[] }> {
  const steps = p.locator('.skema-form-body .skema-step');
  const count = Math.max(await steps.count(), 1);
  const violations: string[] = [];
  for (let i = 0; i < count; i++) {
    if (await steps.count()) {
      await steps.nth(i).click();
      await expect.poll(() => steps.nth(i).getAttribute('aria-current')).toBe('step');
    }
    // Opening one block re-renders the list, so open the first closed one until none is left.
    const closed = p.locator('.skema-form-body details:not([open]) > summary');
    for (let n = 0; n < 20 && (await closed.count()) > 0; n++) await closed.first().click();
    await p.screenshot({
      path: artifactPath(`${formId}${count > 1 ? `-step${i + 1}` : ''}${suffix}.png`),
      fullPage: true,
    });
    violations.push(...(await seriousViolations(p)).map((v) => `step ${i + 1}: ${v}`));
  }
  return { steps: count, violations };
}

describe('accessibility of the six core forms (axe-core, WCAG 2.1 AA)', () => {
  for (const formId of CORE_FORMS) {
    it(`${formId}: no serious or critical violations on any step, empty and with errors`, async () => {
      await openForm(session.page, formId);
      const empty = await auditEveryStep(session.page, formId, '');
      expect(empty.violations).toEqual([]);

      await session.page.getByRole('button', { name: 'Indsend' }).click();
      await session.page.locator('.skema-error-summary[role="alert"]').waitFor();
      const withErrors = await auditEveryStep(session.page, formId, '-errors');
      expect(withErrors.violations).toEqual([]);
      expect(withErrors.steps).toBe(empty.steps);
    });
  }
});

describe('hidden controls', () => {
  it('a control hidden by a UI schema rule is not displayed and Tab never reaches it', async () => {
    await openForm(session.page, 'underretning');
    const body = session.page.locator('.skema-form-body');
    // The adult's fields belong to a Bekymringsskrivelse only (rule SHOW on /type).
    await body.locator('select[id$="__type"]').selectOption('Underretning til kommunen');
    // A hidden section renders no inputs at all (nothing to reach, no duplicate ids).
    const adult = body.locator('[id*="__voksen__"]');
    await expect.poll(() => body.locator('[id*="__barn__"]').count()).toBeGreaterThan(0);
    expect(await adult.count()).toBe(0);

    await body.locator('select[id$="__type"]').focus();
    const reached: string[] = [];
    for (let i = 0; i < 60; i++) {
      await session.page.keyboard.press('Tab');
      reached.push(await session.page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(reached.filter((id) => id.includes('__voksen__'))).toEqual([]);
    expect(reached.filter((id) => id.includes('__barn__')).length).toBeGreaterThan(0);

    await body.locator('select[id$="__type"]').selectOption('Bekymringsskrivelse');
    await expect.poll(() => adult.count()).toBeGreaterThan(0);
    for (const field of await adult.all()) expect(await field.isVisible()).toBe(true);
  });
});

describe('keyboard only', () => {
  it('Tab reaches the error summary links and Enter moves focus to the field', async () => {
    await openForm(session.page, 'underretning');
    // Submit from the keyboard: focus the button, press Enter.
    await session.page.getByRole('button', { name: 'Indsend' }).focus();
    await session.page.keyboard.press('Enter');
    const summary = session.page.locator('.skema-error-summary[role="alert"]');
    await summary.waitFor();
    // The summary takes focus, so the next Tab lands on its first link.
    expect(await session.page.evaluate(() => document.activeElement?.classList.contains('skema-error-summary'))).toBe(
      true,
    );
    const links = summary.locator('a');
    const count = await links.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < Math.min(count, 3); i++) {
      await session.page.keyboard.press('Tab');
      const href = await session.page.evaluate(() =>
        (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'),
      );
      expect(href).toBe(await links.nth(i).getAttribute('href'));
    }
    // Enter on the third link moves focus to its field (or the first field inside it, for a whole section).
    const target = (await links.nth(2).getAttribute('href'))!.slice(1);
    await session.page.keyboard.press('Enter');
    const focused = await session.page.evaluate(() => document.activeElement?.id ?? '');
    expect(focused === target || focused.startsWith(`${target}__`)).toBe(true);
    expect(
      await session.page.evaluate(() =>
        ['INPUT', 'SELECT', 'TEXTAREA', 'FIELDSET', 'DIV'].includes(document.activeElement?.tagName ?? ''),
      ),
    ).toBe(true);
    // Visible focus: the focused field draws an outline.
    const outline = await session.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
