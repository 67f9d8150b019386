import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import express, { Router } from 'express';
import { cacheControlFor, precompressed } from '../http/static-files.js';

/**
 * Where the `<skema-form>` bundle is mounted. Portals on other origins load it with
 * `<script src>`, which the pages' `Cross-Origin-Resource-Policy: same-origin` would block.
 */
export const EMBED_MOUNT = '/embed';

/**
 * Serves built front-end files: `{ '/': 'apps/demo/dist', '/embed': 'packages/embed/dist' }`.
 * A folder that does not exist (not built yet) is skipped. Files under `/embed` are served with
 * `Cross-Origin-Resource-Policy: cross-origin`; every other folder keeps the pages' `same-origin`.
 * Brotli and gzip copies written at build time are served to clients that accept them; files with
 * a content hash in their name are cached for a year (immutable), the unversioned alias
 * `/embed/skema-form.js` a few minutes, HTML not without revalidation.
 */
export function staticRouter(staticDirs: Readonly<Record<string, string>>): Router {
  const router = Router();
  for (const [mount, dir] of Object.entries(staticDirs)) {
    if (!existsSync(dir)) continue;
    const crossOrigin = mount.replace(/\/+$/, '') === EMBED_MOUNT;
    const extra = crossOrigin ? allowCrossOriginLoad : undefined;
    router.use(mount, precompressed(dir, extra));
    router.use(
      mount,
      express.static(dir, {
        index: 'index.html',
        fallthrough: true,
        cacheControl: false,
        setHeaders: (res, path) => {
          res.setHeader('Cache-Control', cacheControlFor(path));
          extra?.(res);
        },
      }),
    );
  }
  return router;
}

/** Replaces helmet's `same-origin` (set earlier for every page) on the files actually served. */
function allowCrossOriginLoad(res: ServerResponse): void {
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}
