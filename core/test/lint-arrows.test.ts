// The direction of imports is enforced by ESLint; this proves the rules bite (and do not bite legal imports).
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
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
  ])('rejects %s importing against the arrows', async (file, code) => {
    expect(await violations(file, code)).not.toEqual([]);
  });

  it.each([
    ['core/src/services/x.ts', "import { a } from '@easydo/device-drivers/device/model';\nexport const b = a;"],
    ['core/src/ui/x.tsx', "import { a } from '@easydo/core/contract/channels';\nexport const b = a;"],
    ['counter/src/ui/x.tsx', "import { a } from '@easydo/core/ui/Button';\nexport const b = a;"],
    ['kiosk/src/main/x.ts', "import { a } from '@easydo/core/services/ipc/router';\nexport const b = a;"],
    ['core/src/contract/x.ts', "import { z } from 'zod';\nexport const b = z;"],
  ])('allows %s importing along the arrows', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
