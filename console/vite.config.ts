import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console is served by the service at /console from dist/console (src/console/serve-console.ts).
 * JSX is compiled by Vite's own transformer (automatic runtime), so no framework plugin is needed.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: fileURLToPath(new URL('../dist/console', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/back-api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } } },
});
