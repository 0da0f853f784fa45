// screen (two displays unless told otherwise), safeStorage with a selectable backend, powerSaveBlocker and Menu.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { env, ready, requireReady, userDataDir } from './runtime';
import type { Rect } from './protocol';

export interface FakeDisplay {
  id: number;
  label: string;
  bounds: Rect;
  workArea: Rect;
  size: { width: number; height: number };
  workAreaSize: { width: number; height: number };
  scaleFactor: number;
  rotation: number;
  internal: boolean;
  touchSupport: 'available' | 'unavailable' | 'unknown';
  monochrome: boolean;
  accelerometerSupport: 'available' | 'unavailable' | 'unknown';
  colorDepth: number;
  colorSpace: string;
  depthPerComponent: number;
  displayFrequency: number;
  detected: boolean;
}

function display(id: number, label: string, bounds: Rect): FakeDisplay {
  const size = { width: bounds.width, height: bounds.height };
  return {
    id, label, bounds, workArea: bounds, size, workAreaSize: size, scaleFactor: 1, rotation: 0, internal: false,
    touchSupport: 'available', monochrome: false, accelerometerSupport: 'unknown', colorDepth: 24, colorSpace: '',
    depthPerComponent: 8, displayFrequency: 60, detected: true,
  };
}

/** FAKE_ELECTRON_DISPLAYS: "1", "2" (default) or a JSON array of bounds; the first is the primary display. */
function configuredDisplays(): FakeDisplay[] {
  const spec = env.FAKE_ELECTRON_DISPLAYS ?? '2';
  if (spec === '1') return [display(1, 'Terminal screen', { x: 0, y: 0, width: 1080, height: 1920 })];
  if (spec === '2') {
    return [
      display(1, 'Counter screen', { x: 0, y: 0, width: 1920, height: 1080 }),
      display(2, 'Resident display', { x: 1920, y: 0, width: 1280, height: 800 }),
    ];
  }
  const rects = JSON.parse(spec) as Rect[];
  return rects.map((r, i) => display(i + 1, `Display ${i + 1}`, r));
}

const displays = configuredDisplays();

class FakeScreen extends EventEmitter {
  getAllDisplays(): FakeDisplay[] {
    requireReady("The 'screen' module");
    return displays.map((d) => structuredClone(d));
  }

  getPrimaryDisplay(): FakeDisplay {
    requireReady("The 'screen' module");
    return structuredClone(displays[0]!);
  }

  getDisplayNearestPoint(point: { x: number; y: number }): FakeDisplay {
    requireReady("The 'screen' module");
    return structuredClone(displayAt(point.x, point.y));
  }

  getDisplayMatching(rect: Rect): FakeDisplay {
    return this.getDisplayNearestPoint({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
  }

  getCursorScreenPoint(): { x: number; y: number } {
    return { x: 0, y: 0 };
  }
}

export function displayAt(x: number, y: number): FakeDisplay {
  const inside = displays.find((d) => x >= d.bounds.x && x < d.bounds.x + d.bounds.width && y >= d.bounds.y && y < d.bounds.y + d.bounds.height);
  return inside ?? displays[0]!;
}

export const screen = new FakeScreen();

// safeStorage. FAKE_ELECTRON_SAFE_STORAGE_BACKEND picks what getSelectedStorageBackend() answers (Linux):
// basic_text | gnome_libsecret (default) | kwallet | kwallet5 | kwallet6 | unknown. With basic_text the key is a
// fixed public constant, as Chromium's fallback password is: the ciphertext protects nothing.
// FAKE_ELECTRON_ENCRYPTION_AVAILABLE=0 makes isEncryptionAvailable() false (no keystore at all).
let backend = env.FAKE_ELECTRON_SAFE_STORAGE_BACKEND ?? 'gnome_libsecret';
const available = env.FAKE_ELECTRON_ENCRYPTION_AVAILABLE !== '0';

function sealingKey(): Buffer {
  const secret = backend === 'basic_text' ? 'peanuts' : `${backend}:${userDataDir}`;
  return createHash('sha256').update(secret).digest();
}

export const safeStorage = {
  isEncryptionAvailable(): boolean {
    // Linux answers false until the app is ready, as Electron does.
    return ready() && available;
  },
  getSelectedStorageBackend(): string {
    return backend;
  },
  setUsePlainTextEncryption(plain: boolean): void {
    if (plain) backend = 'basic_text';
  },
  encryptString(plain: string): Buffer {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from(backend === 'basic_text' ? 'v10' : 'v11'), iv, cipher.getAuthTag(), body]);
  },
  decryptString(sealed: Buffer): string {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    try {
      const iv = sealed.subarray(3, 15);
      const decipher = createDecipheriv('aes-256-gcm', sealingKey(), iv);
      decipher.setAuthTag(sealed.subarray(15, 31));
      return Buffer.concat([decipher.update(sealed.subarray(31)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  },
};

const blockers = new Map<number, string>();
let nextBlocker = 0;

export const powerSaveBlocker = {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number {
    blockers.set(nextBlocker, type);
    return nextBlocker++;
  },
  stop(id: number): boolean {
    return blockers.delete(id);
  },
  isStarted(id: number): boolean {
    return blockers.has(id);
  },
};

export function activeBlockers(): string[] {
  return [...blockers.values()];
}

let applicationMenu: unknown = 'default';

export class Menu {
  constructor(readonly items: unknown[] = []) {}

  static setApplicationMenu(menu: Menu | null): void {
    applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return applicationMenu === 'default' ? new Menu() : (applicationMenu as Menu | null);
  }

  static buildFromTemplate(template: unknown[]): Menu {
    return new Menu(template);
  }
}

export function applicationMenuState(): 'null' | 'set' | 'default' {
  return applicationMenu === 'default' ? 'default' : applicationMenu === null ? 'null' : 'set';
}
