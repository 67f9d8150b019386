import { defineConfig } from 'vitest/config';

// `*.test-d.ts` files are type-level tests: vitest runs the compiler on them and fails on errors.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
  },
});
