import type { Block, FieldsBlock, ListBlock, Section } from '../model/blocks.js';
import { STYLE, type Flow, type StructElement } from './flow.js';
import { writeTable } from './table.js';

const LABEL_SHARE = 0.34;
const PAD = 2.5;

/** Label–value rows as a two-column table whose labels are row headers. */
export function writeFields(flow: Flow, parent: StructElement, rows: FieldsBlock['rows']): void {
  const labelW = flow.width * LABEL_SHARE;
  const valueW = flow.width - labelW;
  const table = flow.doc.struct('Table');
  parent.add(table);
  for (const row of rows) {
    const h =
      Math.max(
        flow.height(row.label, labelW - 2 * PAD, { color: STYLE.muted }),
        flow.height(row.value, valueW - 2 * PAD),
      ) +
      2 * PAD;
    flow.ensure(h);
    const y = flow.doc.y;
    flow.artifact((doc) =>
      doc
        .moveTo(flow.left, y + h)
        .lineTo(flow.left + flow.width, y + h)
        .lineWidth(0.3)
        .strokeColor(STYLE.rule)
        .stroke(),
    );
    const tr = flow.doc.struct('TR');
    table.add(tr);
    flow.tagged(tr, 'TH', row.label, { x: flow.left + PAD, y: y + PAD, width: labelW - 2 * PAD, color: STYLE.muted });
    flow.tagged(tr, 'TD', row.value, { x: flow.left + labelW + PAD, y: y + PAD, width: valueW - 2 * PAD });
    tr.end();
    flow.doc.x = flow.left;
    flow.doc.y = y + h;
  }
  table.end();
  flow.gap(4);
}

function writeLabel(flow: Flow, parent: StructElement, label: string, keepWith: number): void {
  // An empty label: the heading above already names the block.
  if (label === '') return flow.ensure(keepWith);
  flow.ensure(flow.height(label, flow.width, { bold: true, size: STYLE.body }) + keepWith);
  flow.tagged(parent, 'P', label, { bold: true, color: STYLE.muted });
  flow.gap(1);
}

function writeList(flow: Flow, parent: StructElement, block: ListBlock): void {
  writeLabel(flow, parent, block.label, 14);
  const list = flow.doc.struct('L');
  parent.add(list);
  const indent = 12;
  for (const item of block.items) {
    const h = flow.height(item, flow.width - indent);
    flow.ensure(h);
    const y = flow.doc.y;
    const li = flow.doc.struct('LI');
    list.add(li);
    flow.tagged(li, 'Lbl', '•', { x: flow.left + 2, y, width: indent });
    flow.tagged(li, 'LBody', item, { x: flow.left + indent, y, width: flow.width - indent });
    li.end();
    flow.doc.x = flow.left;
    flow.doc.y = y + h + 1;
  }
  list.end();
  flow.gap(4);
}

function writeHeading(flow: Flow, parent: StructElement, level: number, text: string): void {
  const size = level <= 2 ? STYLE.h2 : STYLE.h3;
  const h = flow.height(text, flow.width, { bold: true, size });
  // A heading never ends a page: it moves with the start of what it heads.
  flow.ensure(h + (level <= 2 ? 90 : 45));
  if (level <= 2) flow.gap(6);
  flow.tagged(parent, `H${Math.min(level, 6)}`, text, { bold: true, size });
  if (level <= 2) {
    const y = flow.doc.y + 1;
    flow.artifact((doc) =>
      doc
        .moveTo(flow.left, y)
        .lineTo(flow.left + flow.width, y)
        .lineWidth(0.8)
        .strokeColor(STYLE.text)
        .stroke(),
    );
    flow.gap(5);
  } else flow.gap(2);
}

export function writeBlocks(flow: Flow, parent: StructElement, blocks: Block[], level: number): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'fields':
        writeFields(flow, parent, block.rows);
        break;
      case 'text': {
        writeLabel(flow, parent, block.label, flow.height('x', flow.width) * 2);
        flow.tagged(parent, 'P', block.text);
        flow.gap(5);
        break;
      }
      case 'list':
        writeList(flow, parent, block);
        break;
      case 'table':
        writeLabel(flow, parent, block.label, 40);
        writeTable(flow, parent, block);
        flow.gap(6);
        break;
      case 'group': {
        const sect = flow.doc.struct('Sect');
        parent.add(sect);
        writeHeading(flow, sect, level + 1, block.label);
        writeBlocks(flow, sect, block.blocks, level + 1);
        sect.end();
        break;
      }
    }
  }
}

export function writeSection(flow: Flow, parent: StructElement, section: Section): void {
  const sect = flow.doc.struct('Sect');
  parent.add(sect);
  writeHeading(flow, sect, 2, section.label);
  writeBlocks(flow, sect, section.blocks, 2);
  sect.end();
}
