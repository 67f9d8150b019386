#!/usr/bin/env node
// A committed entry rather than dist/bin.js itself: npm links a workspace's bin at install time,
// before the first build, and skips a target that does not exist yet (no `npx skema` at the root).
try {
  await import('../dist/bin.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/bin.js')) throw e;
  console.error(
    'skema: @skema/cli is not built yet; run "npm run build" (or npx turbo run build --filter=@skema/cli...) first.',
  );
  process.exitCode = 70;
}
