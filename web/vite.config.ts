import { defineConfig } from 'vite';

// Relative asset paths: `kroniek serve` serves dist/ at `/` (or behind a prefix).
// In `npm run dev`, /v1 is proxied to the mock (npm run mock) or KRONIEK_API.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500, sourcemap: false },
  server: {
    host: '127.0.0.1',
    proxy: { '/v1': process.env.KRONIEK_API ?? 'http://127.0.0.1:8787' },
  },
});
