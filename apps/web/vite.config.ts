import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress';

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
  // The field→label map and messages the API's validation uses too (pure modules, no Node imports).
  resolve: { alias: { '@cqo/forms': fileURLToPath(new URL('../../libs/core/src/forms', import.meta.url)) } },
  plugins: [precompress()],
  build: {
    // Every browser we serve supports <link rel="modulepreload">; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
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
      output: {
        // React and the router change less often than our pages: their own chunk stays cached across releases.
        manualChunks: (id) =>
          /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/.test(id) ? 'vendor' : undefined,
      },
    },
  },
  server: {
    proxy: {
      // Everything but the SPA itself and Vite's own files goes to the API.
      '^/(?!app(/|$)|@|src/|node_modules/|assets/|favicon).*': {
        target: process.env.API_URL ?? 'http://localhost:3000',
        changeOrigin: false,
      },
    },
  },
});
