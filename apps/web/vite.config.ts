import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

// In development Vite serves the app and forwards /api to the API process.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  // Source maps are written for whoever debugs a build, but the server does not hand them out.
  build: { outDir: 'dist', sourcemap: 'hidden' },
});
