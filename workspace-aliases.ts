// One definition of how `@easydo/<pkg>/<path>` resolves (to `<pkg>/src/<path>`, any TS extension) for Vite and
// Vitest; tsconfig.base.json `paths` says the same for tsc, tsx and esbuild.
import { fileURLToPath } from 'node:url';

const PACKAGES = ['core', 'counter', 'fleet', 'kiosk', 'device-drivers', 'backend-client'];

export const workspaceAliases = [
  // The sandbox server sits beside the client's src/ (it is a dev/test tool, not part of the client library).
  { find: /^@easydo\/backend-client\/sandbox\//, replacement: fileURLToPath(new URL('./backend-client/sandbox/', import.meta.url)) },
  ...PACKAGES.map((pkg) => ({
    find: new RegExp(`^@easydo/${pkg}/`),
    replacement: fileURLToPath(new URL(`./${pkg}/src/`, import.meta.url)),
  })),
];
