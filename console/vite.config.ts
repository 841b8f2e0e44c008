// The console's bundle: dist/index.html and hashed assets (no inline script, so the
// controller's Content-Security-Policy can forbid them). `npm run dev` proxies the API to a
// controller on localhost:3000 (or CONTROLLER_URL).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const controller = process.env.CONTROLLER_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/graphql': { target: controller, ws: true } } },
});
