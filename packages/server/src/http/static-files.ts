import { existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Files whose name carries their content hash never change: `skema-form.3f9a…c1.js`, Vite's `index-Bv3UKY5a.js`. */
const HASHED = /[.-][A-Za-z0-9_-]{8,}\.(?:js|css|mjs|woff2?|svg|png)$/;

// Long enough that a portal reloads the alias cheaply, short enough that a new release reaches it today.
const ALIAS_MAX_AGE = 300;

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const ALIAS_CACHE = `public, max-age=${ALIAS_MAX_AGE}`;

/**
 * How long a built file may be cached: a content-hashed one forever (its address changes with its
 * content), HTML never without asking again, anything else (e.g. `/embed/skema-form.js`, the alias
 * existing pages load) a few minutes.
 */
export function cacheControlFor(path: string): string {
  if (HASHED.test(path)) return IMMUTABLE_CACHE;
  if (path.endsWith('.html') || path.endsWith('/')) return 'no-cache';
  return ALIAS_CACHE;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The encodings the client accepts, best first among those built (brotli, then gzip); q=0 refuses. */
export function chooseEncoding(acceptEncoding: string | undefined): Array<{ coding: 'br' | 'gzip'; suffix: string }> {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (coding: string) => (accepted.get(coding) ?? accepted.get('*') ?? 0) > 0;
  return [
    ...(ok('br') ? [{ coding: 'br' as const, suffix: '.br' }] : []),
    ...(ok('gzip') ? [{ coding: 'gzip' as const, suffix: '.gz' }] : []),
  ];
}

function fileIn(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(dir, decoded));
  return file.startsWith(normalize(dir) + sep) ? file : undefined;
}

/**
 * Serves a built file's brotli or gzip copy (`x.js.br`, `x.js.gz`, written at build time) when the
 * client accepts it, with `Vary: Accept-Encoding`; falls through to `express.static` otherwise.
 * Compressing at build time costs nothing per request and allows brotli's best level.
 */
export function precompressed(dir: string, setHeaders?: (res: ServerResponse) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = fileIn(dir, req.path);
    if (!file || !existsSync(file) || !statSync(file).isFile()) return next();
    const encodings = [
      { coding: 'br', suffix: '.br' },
      { coding: 'gzip', suffix: '.gz' },
    ].filter((e) => existsSync(file + e.suffix));
    if (encodings.length === 0) return next();
    res.vary('Accept-Encoding');
    const chosen = chooseEncoding(req.get('accept-encoding')).find((e) => encodings.some((b) => b.coding === e.coding));
    if (!chosen) return next();
    setHeaders?.(res);
    res.set({
      'Content-Encoding': chosen.coding,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cacheControlFor(req.path),
    });
    res.sendFile(file + chosen.suffix, { cacheControl: false, etag: true, lastModified: true }, (err) => {
      if (err) next(err);
    });
  };
}
