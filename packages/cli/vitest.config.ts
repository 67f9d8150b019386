import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The CLI tests start the built binary; each start loads Ajv and every plugin.
    testTimeout: 120_000,
  },
});
