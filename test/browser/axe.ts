import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays in force for the app.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Serious and critical WCAG 2.1 AA violations on the page (axe-core), as readable lines. */
export async function seriousViolations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(axeSource);
  const { violations, passes } = await p.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[]; passes: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return { violations: result.violations, passes: result.passes.length };
  }, WCAG_21_AA);
  // axe really looked at the page (labels, contrast, ARIA all pass checks).
  expect(passes).toBeGreaterThan(5);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
