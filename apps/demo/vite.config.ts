import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { staticAssets } from './build/static-assets.js';

// The demo is served by the API (same origin, /api/v1); `vite` alone proxies the API on :3000.
export default defineConfig({
  // Built assets get SRI hashes in index.html and brotli/gzip copies the API serves (build/static-assets.ts).
  plugins: [react(), staticAssets(fileURLToPath(new URL('dist', import.meta.url)))],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/embed': 'http://127.0.0.1:3000' } },
});
