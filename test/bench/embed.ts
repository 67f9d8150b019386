// The web component's transfer size: what a portal's visitor downloads, gzip (the budget the
// build enforces) beside brotli (what the API sends to browsers that accept it).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const bundle = resolve(dirname(fileURLToPath(import.meta.url)), '../../packages/embed/dist/skema-form.js');
const GZIP_BUDGET = 200_000;
const BROTLI_TARGET = 150_000;

export interface EmbedSizes {
  minified: number;
  gzip: number;
  brotli: number;
}

export default function embedBench(): EmbedSizes {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: npm run build -w @skema/embed`);
  const bytes = readFileSync(bundle);
  const sizes = {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`.padStart(9);
  const verdict = (n: number, limit: number) => `${n <= limit ? 'OK' : 'MISSED'} (≤ ${limit / 1000} kB)`;
  console.log(`embed skema-form.js      ${kb(sizes.minified)} minified`);
  console.log(`  gzip (level 9)         ${kb(sizes.gzip)}   ${verdict(sizes.gzip, GZIP_BUDGET)}`);
  console.log(`  brotli (quality 11)    ${kb(sizes.brotli)}   ${verdict(sizes.brotli, BROTLI_TARGET)}`);
  return sizes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) embedBench();
