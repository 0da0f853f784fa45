// One lint setup. Besides the usual TypeScript rules it enforces the direction of imports from
// docs/ARCHITECTURE.md (VS Code's "code-layering" idea, with ESLint's built-in no-restricted-imports):
//   kiosk -> counter -> core -> device-drivers | backend-client; kiosk -> core.
//   core/contract imports nothing platform-specific; core/ui and core/services never import each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ours = (pkg) => [`@easydo/${pkg}`, `@easydo/${pkg}/*`];

/** Build a no-restricted-imports rule from banned module names and path patterns. */
function banned({ names = [], patterns = [], message }) {
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: names.map((name) => ({ name, message })),
        patterns: patterns.map((group) => ({ group: [group], message })),
      },
    ],
  };
}

const uiBans = ['**/services/**', '@easydo/core/services/*', '@easydo/counter/services/*', ...ours('device-drivers'), ...ours('backend-client'), 'electron'];
const uiMessage = 'UI code runs in the sandboxed renderer: it talks to main only through the contract.';

const layers = [
  {
    files: ['device-drivers/**/*.ts', 'backend-client/**/*.ts'],
    rules: banned({
      patterns: ['@easydo/*'],
      message: 'device-drivers and backend-client import nothing of ours (see the arrows in docs/ARCHITECTURE.md).',
    }),
  },
  {
    files: ['core/**/*.ts', 'core/**/*.tsx'],
    rules: banned({
      patterns: [...ours('counter'), ...ours('kiosk')],
      message: 'core may not import counter or kiosk: arrows point kiosk -> counter -> core.',
    }),
  },
  {
    files: ['core/src/contract/**/*.ts'],
    rules: banned({
      names: nodeBuiltins,
      patterns: ['@easydo/*', 'react', 'react-dom', 'electron', '**/services/**', '**/ui/**'],
      message: 'core/contract runs anywhere: it imports only zod and other contract modules.',
    }),
  },
  {
    files: ['core/src/services/**/*.ts'],
    rules: banned({
      patterns: ['**/ui/**', 'react', 'react-dom', 'electron', ...ours('counter'), ...ours('kiosk')],
      message: 'core/services never imports ui, React or Electron.',
    }),
  },
  {
    files: ['core/src/ui/**/*.ts', 'core/src/ui/**/*.tsx'],
    rules: banned({ patterns: [...uiBans, ...ours('counter'), ...ours('kiosk')], names: nodeBuiltins, message: uiMessage }),
  },
  {
    files: ['counter/src/ui/**/*.ts', 'counter/src/ui/**/*.tsx'],
    rules: banned({ patterns: [...uiBans, ...ours('kiosk')], names: nodeBuiltins, message: uiMessage }),
  },
  {
    files: ['kiosk/src/renderer/**/*.ts', 'kiosk/src/renderer/**/*.tsx'],
    rules: banned({ patterns: uiBans, names: nodeBuiltins, message: uiMessage }),
  },
  {
    files: ['counter/**/*.ts', 'counter/**/*.tsx'],
    ignores: ['counter/src/ui/**'],
    rules: banned({
      patterns: [...ours('kiosk'), '@easydo/device-drivers', '@easydo/device-drivers/*', '@easydo/backend-client', '@easydo/backend-client/*'],
      message: 'counter reaches drivers and the backend only through core.',
    }),
  },
  {
    files: ['kiosk/**/*.ts', 'kiosk/**/*.tsx'],
    ignores: ['kiosk/src/renderer/**'],
    rules: banned({
      patterns: ['@easydo/device-drivers', '@easydo/device-drivers/*', '@easydo/backend-client', '@easydo/backend-client/*'],
      message: 'kiosk reaches drivers and the backend only through core.',
    }),
  },
];

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
  ...layers,
);
