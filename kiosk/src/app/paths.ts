import { fileURLToPath } from 'node:url';

/** The built renderer (vite build output). */
export const RENDERER_DIR = fileURLToPath(new URL('../../dist-renderer', import.meta.url));
