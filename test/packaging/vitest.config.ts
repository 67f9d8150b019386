import { defineConfig } from 'vitest/config';

// Packaging: packs every public package, installs the tarballs into fresh React 18 and 19 apps
// from the registry, builds them and renders a form in Debian's Chromium. One file, run on its own.
export default defineConfig({
  test: {
    include: ['packaging/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
