import { defineConfig } from 'vitest/config';

// Compiling form schemas with Ajv takes a while on a loaded 2-core machine.
// `*.test-d.ts` files are type-level tests: vitest runs the compiler on them and fails on errors.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], ignoreSourceErrors: true },
  },
});
