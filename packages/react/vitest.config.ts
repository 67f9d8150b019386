import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // jsdom tests mount whole forms; the first one also compiles the schema.
    testTimeout: 30_000,
  },
});
