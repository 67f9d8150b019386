import type PDFDocument from 'pdfkit';
import { FONTS } from './fonts.js';

type Doc = InstanceType<typeof PDFDocument>;
export type StructElement = ReturnType<Doc['struct']>;

export const STYLE = {
  body: 9.5,
  small: 8,
  h1: 18,
  h2: 13,
  h3: 10.5,
  muted: '#555555',
  rule: '#b7b7b7',
  fill: '#f1f1ef',
  text: '#111111',
  lineGap: 1.5,
} as const;

export interface TextStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

/**
 * The page flow of a tagged document: every piece of text becomes marked content of a structure
 * element, every line and fill an artifact, and blocks move to a new page instead of leaving a
 * heading or a row alone at the bottom.
 */
export class Flow {
  readonly left: number;
  readonly width: number;

  constructor(readonly doc: Doc) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  style(s: TextStyle = {}): Doc {
    return this.doc
      .font(s.bold ? FONTS.bold : FONTS.regular)
      .fontSize(s.size ?? STYLE.body)
      .fillColor(s.color ?? STYLE.text);
  }

  height(text: string, width: number, s: TextStyle = {}): number {
    this.style(s);
    return this.doc.heightOfString(text, { width, lineGap: STYLE.lineGap });
  }

  /** Starts a new page unless `needed` points still fit on this one. */
  ensure(needed: number): void {
    if (this.doc.y + needed > this.bottom) {
      this.doc.addPage();
      this.doc.x = this.left;
    }
  }

  /** Drawing that is not content (rules, fills, borders), marked so that readers skip it. */
  artifact(draw: (doc: Doc) => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    this.doc.save();
    draw(this.doc);
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  /** Text as a structure element of `type` under `parent`, at (x, y) or flowing from the current position. */
  tagged(
    parent: StructElement,
    type: string,
    text: string,
    s: TextStyle & { x?: number; y?: number; width?: number; align?: 'left' | 'right' } = {},
  ): StructElement {
    const el = this.doc.struct(type);
    parent.add(el);
    this.textInto(el, type, text, s);
    el.end();
    return el;
  }

  /** Text as marked content of an existing structure element. */
  textInto(
    el: StructElement,
    type: string,
    text: string,
    s: TextStyle & { x?: number; y?: number; width?: number; align?: 'left' | 'right' } = {},
  ): void {
    this.style(s);
    const content = this.doc.markStructureContent(type);
    const options = { width: s.width ?? this.width, lineGap: STYLE.lineGap, align: s.align ?? 'left' };
    if (s.x !== undefined && s.y !== undefined) this.doc.text(text, s.x, s.y, options);
    else this.doc.text(text, s.x ?? this.left, this.doc.y, options);
    this.doc.endMarkedContent();
    el.add(content);
  }

  gap(points: number): void {
    this.doc.y += points;
  }
}
