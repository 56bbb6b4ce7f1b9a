import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

// In development Vite serves the app and forwards /api to the API process.
// The build writes a manifest so a test can weigh what the first page downloads; screens other than sign-in
// and the board are split by route (see src/app/router.tsx), and the libraries every page needs form one
// long-cached vendor chunk.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    // Source maps are written for whoever debugs a build, but the server does not hand them out.
    sourcemap: 'hidden',
    manifest: true,
    // exceljs's chunk (about 0.9 MB) is fetched only when a person reads or writes a workbook, never with a page.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|zustand|@tanstack[\\/]react-query|@tanstack[\\/]query-core)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
