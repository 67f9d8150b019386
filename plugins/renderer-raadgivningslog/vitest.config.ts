import { defineConfig } from 'vitest/config';

// The whole rådgivningslog is mounted in jsdom, which is slow on a busy two-core machine.
export default defineConfig({ test: { testTimeout: 120_000 } });
