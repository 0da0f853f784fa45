import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { workspaceAliases } from '../workspace-aliases';

// The fleet console's web app, served by the console itself (fleet/src/console/server.ts, `uiDir`).
export default defineConfig({
  root: fileURLToPath(new URL('./src/ui', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: { alias: workspaceAliases },
  build: {
    outDir: fileURLToPath(new URL('./dist/ui', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
