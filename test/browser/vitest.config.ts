import { defineConfig } from 'vitest/config';

// Browser tests: a real API in-process and Debian's Chromium. Run one file at a time (2 cores).
export default defineConfig({
  test: {
    include: ['browser/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
