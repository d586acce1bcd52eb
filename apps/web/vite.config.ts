import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web front end. `npm run build:web` writes dist/web, which the API serves (apps/api/src/web-static.ts).
 * No React plugin: esbuild compiles JSX with the automatic runtime, which keeps the tool chain small.
 * `npx vite --config apps/web/vite.config.ts` serves it for development with the API proxied from :3000.
 */
export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 400,
    reportCompressedSize: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" (for React Server Components); irrelevant here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      // Everything but the SPA itself and Vite's own files goes to the API.
      '^/(?!app(/|$)|@|src/|node_modules/|assets/|favicon).*': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
