// Loaded with `node --require register.cjs main.cjs …`: every require('electron') in the process gets the fake
// bundled beside this file. The main bundle itself is untouched: it is the file build-electron.mjs produced.
import Module from 'node:module';
import path from 'node:path';

const fake = path.join(__dirname, 'electron.cjs');
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function resolveElectron(request: string, ...rest: unknown[]) {
  return request === 'electron' ? fake : original.call(this, request, ...rest);
};
