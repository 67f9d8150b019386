import { defineConfig } from 'vitest/config';

// Compiling form schemas with Ajv takes a while on a loaded 2-core machine.
export default defineConfig({ test: { testTimeout: 30_000 } });
