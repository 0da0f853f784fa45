import { defineConfig } from 'vitest/config';
import { workspaceAliases } from './workspace-aliases';

// End-to-end tests: Playwright (playwright-core + Debian chromium) against the browser shell,
// real services, simulated devices, sandbox backend. One file at a time: they share ports and CPU.
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['**/e2e/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
