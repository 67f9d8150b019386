import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|css|html|svg|json)$/;

/** `sha384-…` of the bytes, as a browser checks `integrity`. */
export function integrityOf(bytes: string | Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** Adds `integrity` (and `crossorigin`, which integrity needs) to the page's script and stylesheet tags. */
export function addIntegrity(html: string, files: ReadonlyMap<string, string | Uint8Array>): string {
  return html.replace(
    /<(script|link)\b([^>]*?)\s(src|href)="\/?([^"]+)"([^>]*)>/g,
    (tag, name: string, before: string, attr: string, url: string, after: string) => {
      const bytes = files.get(url);
      if (!bytes || /\bintegrity=/.test(tag)) return tag;
      const cors = /\bcrossorigin\b/.test(tag) ? '' : ' crossorigin';
      return `<${name}${before} ${attr}="/${url}"${after.replace(/\s*\/?$/, '')} integrity="${integrityOf(bytes)}"${cors}>`;
    },
  );
}

/**
 * The demo's built assets as the API serves them: Subresource Integrity on the page's own script
 * and stylesheet (Vite already puts a content hash in their names, so they are cached for a year),
 * and brotli and gzip copies of every text file for the API to pick by Accept-Encoding.
 */
export function staticAssets(outDir: string): Plugin {
  return {
    name: 'skema-static-assets',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = new Map<string, string | Uint8Array>();
      for (const item of Object.values(bundle))
        files.set(item.fileName, item.type === 'chunk' ? item.code : item.source);
      const page = bundle['index.html'];
      if (page?.type === 'asset') page.source = addIntegrity(String(page.source), files);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const bytes = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}
