import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { artifactPath, useBrowserSession } from './harness.js';

// The rådgivningslog's wide tables (role matrix, meetings) on a 1280 px screen and on a phone.
const session = useBrowserSession();

interface TableLayout {
  caption: string;
  overflow: number;
  clippedButtons: string[];
  stacked: boolean | null;
  tallestRowSlack: number;
}

async function layouts(width: number): Promise<TableLayout[]> {
  const p = session.page;
  await p.setViewportSize({ width, height: 900 });
  await p.goto(`${session.server.url}/#/forms/raadgivningslog/latest`);
  await p.locator('.skema-table--matrix').waitFor();
  await p.screenshot({ path: artifactPath(`raadgivningslog-tables-${width}.png`), fullPage: true });
  return p.locator('.skema-matrix:not([hidden])').evaluateAll((frames) =>
    frames.map((frame) => {
      const wrap = frame.querySelector('.skema-table-wrap')!;
      const box = wrap.getBoundingClientRect();
      const clippedButtons = [...wrap.querySelectorAll('button')]
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return r.left < box.left - 1 || r.right > box.right + 1;
        })
        .map((b) => b.textContent ?? '');
      // How much taller each row is than its tallest cell's content needs.
      const slack = [...wrap.querySelectorAll('tbody tr')].map((tr) => {
        const cells = [...tr.children] as HTMLElement[];
        const need = Math.max(
          ...cells.map((c) => {
            const style = getComputedStyle(c);
            const content =
              [...c.children].reduce((sum, child) => sum + (child as HTMLElement).getBoundingClientRect().height, 0) ||
              c.scrollHeight;
            return content + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
          }),
        );
        return tr.getBoundingClientRect().height - need;
      });
      return {
        caption: wrap.querySelector('caption')?.textContent ?? '',
        overflow: wrap.scrollWidth - wrap.clientWidth,
        clippedButtons,
        // A table without rows yet has nothing to stack.
        stacked: wrap.querySelector('tbody tr')
          ? getComputedStyle(wrap.querySelector('tbody tr')!).display === 'block'
          : null,
        tallestRowSlack: Math.max(0, ...slack),
      };
    }),
  );
}

describe('the rådgivningslog’s wide tables', () => {
  it('fit 1280 px: no horizontal scrolling, no clipped buttons, rows only as tall as their content', async () => {
    const tables = await layouts(1280);
    expect(tables.map((t) => t.caption)).toEqual(expect.arrayContaining(['Rolle- og opgavefordeling', 'Arbejdsmøder']));
    for (const t of tables) {
      expect(t.overflow, t.caption).toBeLessThanOrEqual(0);
      expect(t.clippedButtons, t.caption).toEqual([]);
    }
    const meetings = tables.find((t) => t.caption === 'Arbejdsmøder')!;
    expect(meetings.stacked).toBe(false);
    expect(meetings.tallestRowSlack).toBeLessThan(24);
  });

  it('become stacked rows on a phone (390 px), still without overflow, and pass axe', async () => {
    const tables = await layouts(390);
    expect(tables.filter((t) => t.stacked).length).toBeGreaterThanOrEqual(2);
    for (const t of tables) {
      if (t.stacked !== null) expect(t.stacked, t.caption).toBe(true);
      expect(t.overflow, t.caption).toBeLessThanOrEqual(0);
      expect(t.clippedButtons, t.caption).toEqual([]);
    }
    expect(await seriousViolations(session.page)).toEqual([]);
    await session.page.setViewportSize({ width: 1280, height: 900 });
  });
});
