import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'browser/**'],
    testTimeout: 30000,
    fileParallelism: false,
  },
});
