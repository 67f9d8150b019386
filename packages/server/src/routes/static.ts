import { existsSync } from 'node:fs';
import express, { Router } from 'express';

/**
 * Serves built front-end files: `{ '/': 'apps/demo/dist', '/embed': 'packages/embed/dist' }`.
 * A folder that does not exist (not built yet) is skipped.
 */
export function staticRouter(staticDirs: Readonly<Record<string, string>>): Router {
  const router = Router();
  for (const [mount, dir] of Object.entries(staticDirs)) {
    if (!existsSync(dir)) continue;
    router.use(mount, express.static(dir, { index: 'index.html', fallthrough: true }));
  }
  return router;
}
