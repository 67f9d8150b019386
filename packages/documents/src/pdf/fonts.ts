import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

/**
 * PDF/A needs every font embedded, so the standard 14 fonts are out. DejaVu Sans (Bitstream Vera
 * licence: free to embed and redistribute) ships as TrueType in an npm package, covers æ, ø, å
 * and the typographic quotes the forms use, and is read from disk, never fetched.
 */
export const FONTS = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

let dir: string | undefined;
let cache: Record<keyof typeof FONTS, Buffer> | undefined;

/** Where the regular face is: pdfkit's default font, so that no standard-14 font is ever loaded. */
export function regularFontPath(): string {
  dir ??= join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return join(dir, 'DejaVuSans.ttf');
}

/** Both faces, read once per process. */
export function fontFiles(): Record<keyof typeof FONTS, Buffer> {
  if (!cache) {
    const regular = regularFontPath();
    cache = { regular: readFileSync(regular), bold: readFileSync(join(dirname(regular), 'DejaVuSans-Bold.ttf')) };
  }
  return cache;
}

let parsed: Record<keyof typeof FONTS, Font> | undefined;

/**
 * Both faces parsed once per process. pdfkit takes a parsed fontkit font as well as bytes; given
 * bytes it parses the whole font (and every glyph it lays out) again for each document, which was
 * most of a document's time. Each document still embeds its own subset of the shared font.
 */
export function parsedFonts(): Record<keyof typeof FONTS, Font> {
  if (!parsed) {
    const files = fontFiles();
    parsed = { regular: create(files.regular), bold: create(files.bold) };
  }
  return parsed;
}

/** A parsed font where pdfkit's types say a font source (pdfkit accepts any object with `layout`). */
export const asFontSource = (font: Font): string => font as unknown as string;
