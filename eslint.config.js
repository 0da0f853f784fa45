// One lint setup. Besides the usual TypeScript rules it enforces the direction of imports from
// docs/ARCHITECTURE.md with one map of layers (VS Code's "code-layering" idea; the rule is eslint-import-layers.js):
//   kiosk -> counter -> core -> device-drivers | backend-client; kiosk -> core; fleet -> core.
//   core/contract imports only zod; core/ui and core/services never import each other; renderer code never
//   imports Node, services, drivers, the backend client or Electron. Nothing below fleet imports fleet.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import importLayers from './eslint-import-layers.js';

// Each folder (with everything beneath it, unless a longer folder claims it) lists the folders it may import
// besides its own, and the outside modules: node (built-ins), electron, react (react, react-dom), npm (any
// other package) or npm:<name>. A linted file in no folder of this map is an error, so a new folder needs a line.
const renderer = ['core/src/contract', 'core/src/ui', 'react', 'npm'];
const layers = {
  '.': ['core', 'counter', 'kiosk', 'fleet', 'device-drivers', 'backend-client', 'node', 'npm'], // root tooling
  scripts: ['core', 'counter', 'kiosk', 'fleet', 'device-drivers', 'backend-client', 'node', 'npm'],
  packaging: ['node', 'npm'],
  'device-drivers': ['node', 'npm'],
  'backend-client': ['node', 'npm'],
  core: ['device-drivers', 'backend-client', 'react', 'node', 'npm'], // tests and benches: all of core
  'core/src/contract': ['npm:zod'],
  'core/src/services': ['core/src/contract', 'device-drivers', 'backend-client', 'node', 'npm'],
  'core/src/ui': renderer,
  counter: ['core', 'react', 'node', 'npm'],
  'counter/src/ui': renderer,
  kiosk: ['counter', 'core', '.', 'electron', 'react', 'node', 'npm'], // '.': workspace-aliases for Vite
  'kiosk/src/renderer': [...renderer, 'counter/src/ui'],
  fleet: ['core', '.', 'react', 'node', 'npm'],
  'fleet/src/api': [], // the console's REST types, generated from fleet/openapi.yaml: the web app and the console share them
  'fleet/src/ui': [...renderer, 'fleet/src/api'],
};
// Inside core/src/services the folders stand on floors, bottom first: a folder imports only folders on lower floors,
// so no arrow runs back up and none runs sideways. terminal/ (the composition root) is the top; its TerminalContext is
// for the composition alone: each domain declares the few parts it uses, as types from the folders below it. The
// config schema sits above update because it composes update's section (update's own modules import nothing of ours).
const floors = {
  'core/src/services': [
    ['errors', 'logging', 'privacy', 'assets', 'threads', 'update'],
    ['config', 'session', 'catalogue'],
    ['ipc', 'devices', 'materials'],
    ['applications'],
    ['receipts', 'admin', 'remote-help'],
    ['journey', 'fleet'],
    ['identity'],
    ['terminal'],
  ],
};
const uiWhy = 'UI code runs in the sandboxed renderer: it talks to main only through the contract.';
const why = {
  'device-drivers': 'device-drivers and backend-client import nothing of ours (see the arrows in docs/ARCHITECTURE.md).',
  'backend-client': 'device-drivers and backend-client import nothing of ours (see the arrows in docs/ARCHITECTURE.md).',
  core: 'core may not import counter, kiosk or fleet: arrows point kiosk -> counter -> core, fleet -> core.',
  'core/src/contract': 'core/contract runs anywhere: it imports only zod and other contract modules.',
  'core/src/services': 'core/services never imports ui, React, Electron, counter, kiosk or fleet.',
  'core/src/ui': uiWhy,
  counter: 'counter reaches drivers and the backend only through core.',
  'counter/src/ui': uiWhy,
  kiosk: 'kiosk reaches drivers and the backend only through core.',
  'kiosk/src/renderer': uiWhy,
  fleet: 'fleet reaches drivers and the backend only through core.',
  'fleet/src/ui': uiWhy,
  'fleet/src/api': 'fleet/src/api holds types only (generated from fleet/openapi.yaml); it imports nothing.',
};
const root = fileURLToPath(new URL('.', import.meta.url));

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/out/**', '**/dist-renderer/**', '**/lint-fixtures/**', 'test-artifacts/**', 'fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    plugins: { easydo: importLayers },
    rules: { 'easydo/import-layers': ['error', { root, layers, why, floors }] },
  },
);
