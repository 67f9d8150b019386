import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { artifactPath, CORE_FORMS, useBrowserSession } from './harness.js';

const session = useBrowserSession();

async function openForm(p: Page, formId: string): Promise<void> {
  await p.goto(`${session.server.url}/#/forms/${formId}/latest`);
  await p.locator('.skema-form-body form').waitFor();
  await p.locator('.skema-form-body form input, .skema-form-body form textarea, .skema-form-body form select').first().waitFor();
}

describe('accessibility of the six core forms (axe-core, WCAG 2.1 AA)', () => {
  for (const formId of CORE_FORMS) {
    it(`${formId}: no serious or critical violations, empty and with errors`, async () => {
      await openForm(session.page, formId);
      await session.page.screenshot({ path: artifactPath(`${formId}.png`), fullPage: true });
      expect(await seriousViolations(session.page)).toEqual([]);

      await session.page.getByRole('button', { name: 'Indsend' }).click();
      await session.page.locator('.skema-error-summary[role="alert"]').waitFor();
      await session.page.screenshot({ path: artifactPath(`${formId}-errors.png`), fullPage: true });
      expect(await seriousViolations(session.page)).toEqual([]);
    });
  }
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
    expect(await session.page.evaluate(() => document.activeElement?.classList.contains('skema-error-summary'))).toBe(true);
    const links = summary.locator('a');
    const count = await links.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < Math.min(count, 3); i++) {
      await session.page.keyboard.press('Tab');
      const href = await session.page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'));
      expect(href).toBe(await links.nth(i).getAttribute('href'));
    }
    // Enter on the third link moves focus to its field (or the first field inside it, for a whole section).
    const target = (await links.nth(2).getAttribute('href'))!.slice(1);
    await session.page.keyboard.press('Enter');
    const focused = await session.page.evaluate(() => document.activeElement?.id ?? '');
    expect(focused === target || focused.startsWith(`${target}__`)).toBe(true);
    expect(await session.page.evaluate(() => ['INPUT', 'SELECT', 'TEXTAREA', 'FIELDSET', 'DIV'].includes(document.activeElement?.tagName ?? ''))).toBe(true);
    // Visible focus: the focused field draws an outline.
    const outline = await session.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
