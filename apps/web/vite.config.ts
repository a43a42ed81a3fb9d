import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The BFF serves the built app same-origin; in dev, Vite proxies the API to a BFF on its default port.
const BFF_URL = process.env.WHEELHOUSE_BFF_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: {
      '/api': { target: BFF_URL, changeOrigin: false },
      '/healthz': { target: BFF_URL, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: BFF_URL, changeOrigin: false },
      '/healthz': { target: BFF_URL, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
