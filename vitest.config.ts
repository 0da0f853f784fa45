import { defineConfig } from 'vitest/config';
import { workspaceAliases } from './workspace-aliases';

// Unit and integration tests: plain Node, no Electron, no browser.
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/e2e/**', '**/dist/**', '**/out/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
