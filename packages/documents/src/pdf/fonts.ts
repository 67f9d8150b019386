import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
