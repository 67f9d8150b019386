import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, CORE_FORMS, launchChromium, startApi, type Running } from './harness.js';

// Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays in force for the app.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server: Running;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startApi();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Serious and critical WCAG 2.1 AA violations on the page, as readable lines. */
async function seriousViolations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(axeSource);
  const { violations, passes } = await p.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return { violations: result.violations, passes: result.passes.length };
  }, WCAG_21_AA);
  // axe really looked at the form (labels, contrast, ARIA all pass checks).
  expect(passes).toBeGreaterThan(5);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function openForm(p: Page, formId: string): Promise<void> {
  await p.goto(`${server.url}/#/forms/${formId}/latest`);
  await p.locator('.skema-form-body form').waitFor();
  await p.locator('.skema-form-body form input, .skema-form-body form textarea, .skema-form-body form select').first().waitFor();
}

describe('accessibility of the six core forms (axe-core, WCAG 2.1 AA)', () => {
  for (const formId of CORE_FORMS) {
    it(`${formId}: no serious or critical violations, empty and with errors`, async () => {
      await openForm(page, formId);
      await page.screenshot({ path: artifactPath(`${formId}.png`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Indsend' }).click();
      await page.locator('.skema-error-summary[role="alert"]').waitFor();
      await page.screenshot({ path: artifactPath(`${formId}-errors.png`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

describe('keyboard only', () => {
  it('Tab reaches the error summary links and Enter moves focus to the field', async () => {
    await openForm(page, 'underretning');
    // Submit from the keyboard: focus the button, press Enter.
    await page.getByRole('button', { name: 'Indsend' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.locator('.skema-error-summary[role="alert"]');
    await summary.waitFor();
    // The summary takes focus, so the next Tab lands on its first link.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('skema-error-summary'))).toBe(true);
    const links = summary.locator('a');
    const count = await links.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < Math.min(count, 3); i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'));
      expect(href).toBe(await links.nth(i).getAttribute('href'));
    }
    // Enter on the third link moves focus to its field (or the first field inside it, for a whole section).
    const target = (await links.nth(2).getAttribute('href'))!.slice(1);
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.activeElement?.id ?? '');
    expect(focused === target || focused.startsWith(`${target}__`)).toBe(true);
    expect(await page.evaluate(() => ['INPUT', 'SELECT', 'TEXTAREA', 'FIELDSET', 'DIV'].includes(document.activeElement?.tagName ?? ''))).toBe(true);
    // Visible focus: the focused field draws an outline.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
