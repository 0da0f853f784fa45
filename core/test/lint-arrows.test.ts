// The direction of imports is enforced by ESLint (one layer map, eslint-import-layers.js); this proves the rule
// bites (and does not bite legal imports), and that a folder outside the map is an error rather than unguarded.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'easydo/import-layers').map((m) => m.message);
}

describe('import arrows', () => {
  it.each([
    ['device-drivers/src/idcard/x.ts', "import { a } from '@easydo/core/contract/channels';\nexport const b = a;"],
    ['backend-client/src/x.ts', "import { a } from '@easydo/device-drivers/device/model';\nexport const b = a;"],
    ['core/src/services/x.ts', "import { a } from '@easydo/counter/ui/CounterApp';\nexport const b = a;"],
    ['core/src/contract/x.ts', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;"],
    ['core/src/contract/y.ts', "import { a } from '@easydo/device-drivers/device/model';\nexport const b = a;"],
    ['core/src/ui/x.tsx', "import { a } from '../services/session/session-manager';\nexport const b = a;"],
    ['core/src/services/y.ts', "import { a } from '../ui/Button';\nexport const b = a;"],
    ['counter/src/ui/x.tsx', "import { a } from '@easydo/kiosk/renderer/App';\nexport const b = a;"],
    ['counter/src/services/x.ts', "import { a } from '@easydo/backend-client/signing';\nexport const b = a;"],
    ['kiosk/src/renderer/x.tsx', "import fs from 'node:fs';\nexport const b = fs;"],
    ['kiosk/src/renderer/y.tsx', "import { a } from '@easydo/core/services/ipc/router';\nexport const b = a;"],
    ['kiosk/src/main/x.ts', "import { a } from '@easydo/device-drivers/idcard/index';\nexport const b = a;"],
    // Relative paths are resolved, so spelling an import differently does not get past the arrows.
    ['device-drivers/src/x.ts', "import { a } from '../../core/src/contract/channels';\nexport const b = a;"],
    ['kiosk/src/renderer/z.tsx', "import { a } from '../main/electron-main';\nexport const b = a;"],
    ['core/src/contract/z.ts', "import { a } from 'some-package';\nexport const b = a;"],
    // Nothing below fleet imports fleet; fleet's own renderer code is renderer code like the others'.
    ['core/src/services/z.ts', "import { a } from '@easydo/fleet/console/model';\nexport const b = a;"],
    ['core/test/z.test.ts', "import { a } from '../../fleet/src/console/model';\nexport const b = a;"],
    ['counter/src/services/z.ts', "import { a } from '@easydo/fleet/console/model';\nexport const b = a;"],
    ['kiosk/src/main/z.ts', "import { a } from '@easydo/fleet/console/model';\nexport const b = a;"],
    ['device-drivers/src/z.ts', "import { a } from '@easydo/fleet/console/model';\nexport const b = a;"],
    ['backend-client/src/z.ts', "import { a } from '@easydo/fleet/console/model';\nexport const b = a;"],
    ['fleet/src/console/x.ts', "import { a } from '@easydo/device-drivers/device/model';\nexport const b = a;"],
    ['fleet/src/console/y.ts', "import { a } from '@easydo/kiosk/main/electron-main';\nexport const b = a;"],
    ['fleet/src/ui/x.tsx', "import { a } from '@easydo/core/services/fleet/messages';\nexport const b = a;"],
    ['fleet/src/ui/y.tsx', "import { a } from '../console/model';\nexport const b = a;"],
    ['fleet/src/ui/z.tsx', "import fs from 'node:fs';\nexport const b = fs;"],
    ['fleet/src/ui/w.tsx', "import { a } from 'electron';\nexport const b = a;"],
  ])('rejects %s importing against the arrows', async (file, code) => {
    expect(await violations(file, code)).not.toEqual([]);
  });

  it.each([
    ['core/src/services/x.ts', "import { a } from '@easydo/device-drivers/device/model';\nexport const b = a;"],
    ['core/src/ui/x.tsx', "import { a } from '@easydo/core/contract/channels';\nexport const b = a;"],
    ['counter/src/ui/x.tsx', "import { a } from '@easydo/core/ui/Button';\nexport const b = a;"],
    ['kiosk/src/main/x.ts', "import { a } from '@easydo/core/services/ipc/router';\nexport const b = a;"],
    ['core/src/contract/x.ts', "import { z } from 'zod';\nexport const b = z;"],
    ['fleet/src/console/x.ts', "import { a } from '@easydo/core/services/fleet/messages';\nexport const b = a;"],
    ['fleet/src/ui/x.tsx', "import { a } from '@easydo/core/ui/Button';\nexport const b = a;"],
    ['fleet/src/ui/y.tsx', "import { a } from './api';\nexport const b = a;"],
    ['fleet/test/x.test.ts', "import { a } from '../src/ui/api';\nexport const b = a;"],
  ])('allows %s importing along the arrows', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });

  // Inside core/src/services folders stand on floors: imports go down only, never up or sideways.
  it.each([
    ['core/src/services/session/x.ts', "import { a } from '../journey/wire';\nexport const b = a;"],
    ['core/src/services/journey/x.ts', "import type { TerminalContext } from '@easydo/core/services/terminal/context';\nexport type B = TerminalContext;"],
    ['core/src/services/receipts/x.ts', "import { a } from '../admin/audit-log';\nexport const b = a;"],
    ['core/src/services/devices/x.ts', "import { a } from '../receipts';\nexport const b = a;"],
    ['core/src/services/errors/x.ts', "const m = import('../config/schema');\nexport const b = m;"],
  ])('rejects %s importing up or sideways inside core/src/services', async (file, code) => {
    const messages = await violations(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/inside 'core\/src\/services' imports go to lower floors only/);
  });

  it.each([
    ['core/src/services/journey/x.ts', "import { a } from '../session/session-manager';\nexport const b = a;"],
    ['core/src/services/terminal/x.ts', "import { a } from '../journey/wire';\nexport const b = a;"],
    ['core/src/services/journey/y.ts', "import { a } from './wire';\nexport const b = a;"],
  ])('allows %s importing down or within its folder', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });

  it('rejects a folder of core/src/services that stands on no floor', async () => {
    const messages = await violations('core/src/services/newroom/x.ts', 'export const b = 1;');
    expect(messages).toEqual(["'newroom' is on no floor of 'core/src/services': add it to the floors in eslint.config.js."]);
  });

  it('rejects a file in a folder that has no line in the layer map', async () => {
    const messages = await violations('newfolder/src/x.ts', 'export const b = 1;');
    expect(messages).toEqual(["'newfolder/src/x.ts' is in no layer: add its folder to the layer map in eslint.config.js."]);
  });
});
