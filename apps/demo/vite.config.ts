import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The demo is served by the API (same origin, /api/v1); `vite` alone proxies the API on :3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/embed': 'http://127.0.0.1:3000' } },
});
