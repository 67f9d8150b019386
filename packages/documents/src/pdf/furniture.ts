import { FONTS } from './fonts.js';
import { STYLE, type Flow } from './flow.js';

/**
 * The running header (from page 2) and the «side x af y» footer on every page, drawn once all
 * pages exist (so the count is known) and marked as pagination artifacts, outside the structure.
 */
export function writePageFurniture(flow: Flow, header: string, pageLabel: (x: number, y: number) => string): void {
  const { doc } = flow;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text in the margin would otherwise make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(FONTS.regular).fontSize(STYLE.small).fillColor(STYLE.muted);
    if (i > range.start) {
      doc.text(header, flow.left, 30, { width: flow.width, lineBreak: false, ellipsis: true });
      doc
        .moveTo(flow.left, 42)
        .lineTo(flow.left + flow.width, 42)
        .lineWidth(0.4)
        .strokeColor(STYLE.rule)
        .stroke();
    }
    const y = doc.page.height - 38;
    doc.text(pageLabel(i - range.start + 1, range.count), flow.left, y, {
      width: flow.width,
      align: 'right',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottomMargin;
  }
}
