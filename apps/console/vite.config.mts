import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console's build (npm run build:console → apps/console/dist, served by the API at /) and its
// development server (npm run console:dev: hot reload, API calls proxied to a running API).
const api = process.env.API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const proxied = ['/graphql', '/api', '/s', '/health'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: Number(process.env.CONSOLE_PORT ?? 5173),
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: true }])),
  },
});
