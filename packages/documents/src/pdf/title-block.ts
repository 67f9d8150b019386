import type { LabelledValue } from '../model/document-model.js';
import { writeFields } from './blocks.js';
import { STYLE, type Flow, type StructElement } from './flow.js';

/** The form's title as the document's one H1, and the case facts under it in a shaded box. */
export function writeTitleBlock(flow: Flow, parent: StructElement, title: string, meta: LabelledValue[]): void {
  flow.tagged(parent, 'H1', title, { bold: true, size: STYLE.h1 });
  flow.gap(6);
  const top = flow.doc.y;
  writeFields(flow, parent, meta);
  const bottom = flow.doc.y - 4;
  flow.artifact((doc) =>
    doc
      .rect(flow.left - 4, top - 4, flow.width + 8, bottom - top + 8)
      .lineWidth(0.8)
      .strokeColor(STYLE.muted)
      .stroke(),
  );
  flow.gap(8);
}

/** The receipt in a compact box at the end: hashes, form version, rule plugins. */
export function writeReceipt(
  flow: Flow,
  parent: StructElement,
  title: string,
  rows: LabelledValue[],
  note: string | undefined,
): void {
  const inner = flow.width - 12;
  const lines = rows.map((r) => `${r.label}: ${r.value}`);
  if (note) lines.push(note);
  const titleH = flow.height(title, inner, { bold: true });
  const h = 6 + titleH + 2 + lines.reduce((sum, l) => sum + flow.height(l, inner, { size: STYLE.small }), 0) + 6;
  flow.gap(10);
  flow.ensure(h);
  const top = flow.doc.y;
  // The box is drawn first so that its fill lies under the text.
  flow.artifact((doc) => doc.rect(flow.left, top, flow.width, h).lineWidth(0.6).fillAndStroke(STYLE.fill, STYLE.rule));
  const sect = flow.doc.struct('Sect');
  parent.add(sect);
  flow.tagged(sect, 'H2', title, { bold: true, x: flow.left + 6, y: top + 6, width: inner });
  flow.doc.y += 2;
  lines.forEach((line, i) => {
    const muted = note !== undefined && i === lines.length - 1;
    flow.tagged(sect, 'P', line, {
      size: STYLE.small,
      x: flow.left + 6,
      width: inner,
      ...(muted ? { color: STYLE.muted } : {}),
    });
  });
  sect.end();
  flow.doc.x = flow.left;
  flow.doc.y = top + h;
}
