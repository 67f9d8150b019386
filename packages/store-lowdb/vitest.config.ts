import { defineConfig } from 'vitest/config';

// Start-up and crash tests fsync and spawn processes; on a busy machine they need more than 5 s.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 30000 },
});
