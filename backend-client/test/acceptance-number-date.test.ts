// The date inside a sandbox acceptance number is the platform's civil date (Asia/Shanghai), the same date the
// receipt prints as 提交时间: 00:30 in Shenzhen on 2 January is still 1 January in UTC.
import { describe, expect, it } from 'vitest';
import { newAcceptanceNumber } from '../sandbox/handlers/applications';
import type { HandlerContext } from '../sandbox/handlers/context';

describe('sandbox acceptance number', () => {
  it('carries the Shenzhen date, not the UTC date', () => {
    const ctx = { now: () => Date.parse('2025-01-01T16:30:00Z') } as unknown as HandlerContext;
    const n = newAcceptanceNumber(ctx, 'QR00204001');
    expect(n.slice(0, 'QR00204001'.length + 6)).toBe('440304QR00204001');
    expect(n.slice(16, 24)).toBe('20250102');
  });
});
