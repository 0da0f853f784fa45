import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { workspaceAliases } from '../workspace-aliases';

// The renderer is a plain web app: the same build is loaded by Electron (app:// protocol) and by the
// browser shell (http://127.0.0.1). Relative base so both work.
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: { alias: workspaceAliases },
  build: {
    outDir: fileURLToPath(new URL('./dist-renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
