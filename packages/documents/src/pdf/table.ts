import type { TableBlock } from '../model/blocks.js';
import { STYLE, type Flow, type StructElement } from './flow.js';

const PAD = 3;

interface Layout {
  x: number[];
  widths: number[];
}

/** Column widths: a column whose text fits its fair share keeps its natural width; the wide ones share the rest. */
function columnLayout(flow: Flow, header: string[], rows: string[][]): Layout {
  const n = header.length;
  flow.style({ bold: true });
  const natural = header.map((h) => flow.doc.widthOfString(h) + 2 * PAD);
  // A column is never narrower than its longest word (headers are bold, so measured in bold).
  const minimum = header.map((h) =>
    Math.max(36, ...h.split(/\s+/).map((word) => flow.doc.widthOfString(word) + 2 * PAD)),
  );
  flow.style();
  rows.forEach((r) =>
    r.forEach((cell, c) => {
      natural[c] = Math.max(natural[c] as number, flow.doc.widthOfString(cell) + 2 * PAD);
      for (const word of cell.split(/\s+/))
        minimum[c] = Math.max(minimum[c] as number, Math.min(flow.width / n, flow.doc.widthOfString(word) + 2 * PAD));
    }),
  );
  const widths = new Array<number | undefined>(n).fill(undefined);
  let available = flow.width;
  let open = n;
  for (let changed = true; changed && open > 0;) {
    changed = false;
    const fair = available / open;
    for (let c = 0; c < n; c++) {
      if (widths[c] === undefined && Math.max(natural[c] as number, minimum[c] as number) <= fair) {
        widths[c] = Math.max(natural[c] as number, minimum[c] as number);
        available -= widths[c] as number;
        open--;
        changed = true;
      }
    }
  }
  const openNatural = widths.reduce<number>((sum, w, c) => sum + (w === undefined ? (natural[c] as number) : 0), 0);
  const filled = widths.map(
    (w, c) => w ?? Math.max(minimum[c] as number, (available * (natural[c] as number)) / openNatural),
  );
  // Whatever is left over (every column fitted) goes to the widest column, so the table spans the page.
  const total = filled.reduce((a, b) => a + b, 0);
  const widest = natural.indexOf(Math.max(...natural));
  filled[widest] = (filled[widest] as number) + (flow.width - total);
  const x: number[] = [];
  let at = flow.left;
  for (const w of filled) {
    x.push(at);
    at += w;
  }
  return { x, widths: filled };
}

function rowHeight(flow: Flow, cells: string[], layout: Layout, bold: boolean): number {
  let h = 0;
  cells.forEach((text, c) => {
    h = Math.max(h, flow.height(text || ' ', (layout.widths[c] as number) - 2 * PAD, { bold }));
  });
  return h + 2 * PAD;
}

/**
 * Draws a row of height `h` (measured once by the caller, which needed it to break the page);
 * `table` undefined draws it as an artifact (a header repeated on a new page).
 */
function drawRow(
  flow: Flow,
  table: StructElement | undefined,
  cells: string[],
  layout: Layout,
  kind: 'head' | 'body' | 'total',
  numeric: boolean[],
  h: number,
): void {
  const bold = kind !== 'body';
  const y = flow.doc.y;
  flow.artifact((doc) => {
    if (kind === 'head') doc.rect(flow.left, y, flow.width, h).fill(STYLE.fill);
    doc
      .moveTo(flow.left, y + h)
      .lineTo(flow.left + flow.width, y + h)
      .lineWidth(kind === 'head' ? 0.8 : 0.4)
      .strokeColor(STYLE.rule)
      .stroke();
    if (kind === 'total')
      doc
        .moveTo(flow.left, y)
        .lineTo(flow.left + flow.width, y)
        .lineWidth(0.8)
        .strokeColor(STYLE.muted)
        .stroke();
  });
  const tr = table ? flow.doc.struct('TR') : undefined;
  if (table && tr) table.add(tr);
  cells.forEach((text, c) => {
    const at = {
      x: (layout.x[c] as number) + PAD,
      y: y + PAD,
      width: (layout.widths[c] as number) - 2 * PAD,
      bold,
      align: numeric[c] ? ('right' as const) : ('left' as const),
    };
    if (tr) {
      const type = kind === 'head' || (kind === 'total' && c === 0) ? 'TH' : 'TD';
      if (text === '') {
        // An empty cell is still a cell, so every row has as many as the header.
        const cell = flow.doc.struct(type);
        tr.add(cell);
        cell.end();
      } else flow.tagged(tr, type, text, at);
    } else {
      flow.artifact(() => {
        flow.style({ bold });
        flow.doc.text(text, at.x, at.y, { width: at.width, lineGap: STYLE.lineGap, align: at.align });
      });
    }
  });
  tr?.end();
  flow.doc.x = flow.left;
  flow.doc.y = y + h;
}

/** A table: its header row tagged once and repeated as an artifact on every page it runs onto; totals in a last row. */
export function writeTable(flow: Flow, parent: StructElement, block: TableBlock): void {
  const header = block.columns.map((c) => c.label);
  const numeric = block.columns.map((c) => c.numeric);
  const rows = block.rows;
  const totalRow = block.totals
    ? block.totals.map((t, i) => t ?? (i === 0 ? (block.totalLabel ?? '') : ''))
    : undefined;
  const layout = columnLayout(flow, header, totalRow ? [...rows, totalRow] : rows);
  const table = flow.doc.struct('Table');
  parent.add(table);
  const headH = rowHeight(flow, header, layout, true);
  // Each row is measured once: the height decides the page break and is what the row is drawn with.
  const heights = rows.map((row) => rowHeight(flow, row, layout, false));
  flow.ensure(headH + (heights[0] ?? 0));
  drawRow(flow, table, header, layout, 'head', numeric, headH);
  rows.forEach((row, i) => {
    const h = heights[i] as number;
    if (flow.doc.y + h > flow.bottom) {
      flow.doc.addPage();
      drawRow(flow, undefined, header, layout, 'head', numeric, headH);
    }
    drawRow(flow, table, row, layout, 'body', numeric, h);
  });
  if (totalRow) {
    const h = rowHeight(flow, totalRow, layout, true);
    flow.ensure(h);
    drawRow(flow, table, totalRow, layout, 'total', numeric, h);
  }
  table.end();
}
