import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The BFF serves the built app same-origin; in dev, Vite proxies the API to a BFF on its default port.
// changeOrigin: the BFF refuses a Host it does not answer to (421), and the dev server's own
// `localhost:5173` is not one of them; the BFF's address is.
const BFF_URL = process.env.WHEELHOUSE_BFF_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: {
      '/api': { target: BFF_URL, changeOrigin: true },
      '/healthz': { target: BFF_URL, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: BFF_URL, changeOrigin: true },
      '/healthz': { target: BFF_URL, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
