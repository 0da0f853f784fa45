// A synthetic resident's dynamic code from the embedded sandbox's developer route (development only), spoiled
// on request so the refusals can be shown. Over HTTP, so nothing of the sandbox is imported into main.
import { fetchSandboxIdentityCode } from '@easydo/device-drivers/qrscan/simulator/sandbox-codes';
import type { CodeKind } from '@easydo/core/contract/schemas/identity-code';

export function showSandboxCode(sandbox: { url: string }, req: { residentId: string; codeKind: CodeKind; spoil?: 'expired' | 'used' | 'revoked' | undefined }): Promise<string> {
  return fetchSandboxIdentityCode(sandbox.url, req.residentId, req.codeKind, req.spoil);
}
