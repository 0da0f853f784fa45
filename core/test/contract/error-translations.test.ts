// Walks every error code and reason of the contract (the contract's own lists, not a copy) and fails on one
// that a screen could not say in zh-CN and English, or whose two texts disagree on what they interpolate.
import { describe, expect, it } from 'vitest';
import { DEVICE_FAULTS, ERROR_CODES, ERROR_REASONS, ISSUE_PROBLEMS } from '@easydo/core/contract/errors';
import { DeviceKind, DeviceStatus } from '@easydo/core/contract/schemas/device';
import { errorsEn, errorsZh } from '@easydo/core/ui/errors/error-text';

const LANGS = { 'zh-CN': errorsZh, en: errorsEn } as const;
const CJK = /[\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function walk(table: 'codes' | 'reasons' | 'faults' | 'devices' | 'deviceStatus' | 'problems', keys: readonly string[]) {
  for (const key of keys) {
    const zh = (errorsZh[table] as Record<string, string | undefined>)[key];
    const en = (errorsEn[table] as Record<string, string | undefined>)[key];
    expect(zh?.trim(), `zh-CN ${table}.${key}`).toBeTruthy();
    expect(en?.trim(), `en ${table}.${key}`).toBeTruthy();
    // zh-CN says it in Chinese; en has no Chinese left in it.
    expect(zh, `zh-CN ${table}.${key} is Chinese`).toMatch(CJK);
    expect(en, `en ${table}.${key} is English`).not.toMatch(CJK);
    expect(placeholders(en!), `${table}.${key}: both languages fill the same values`).toEqual(placeholders(zh!));
  }
  // No text for a code the contract no longer has: a stale entry hides a renamed reason.
  for (const lang of Object.values(LANGS)) expect(Object.keys(lang[table]).sort()).toEqual([...keys].sort());
}

describe('every contract error can be said on a screen', () => {
  it('has both languages for every error code', () => walk('codes', ERROR_CODES));
  it('has both languages for every reason', () => walk('reasons', ERROR_REASONS));
  it('has both languages for every device fault, device kind and device status', () => {
    walk('faults', DEVICE_FAULTS);
    walk('devices', [...DeviceKind.options, 'unknown']);
    walk('deviceStatus', DeviceStatus.options);
  });
  it('has both languages for every field problem', () => walk('problems', ISSUE_PROBLEMS));

  it('interpolates only values errors carry (never a name or a number of a person)', () => {
    const allowed = new Set(['device', 'min', 'max', 'minutes', 'seconds', 'field', 'problem', 'triesLeft']);
    for (const lang of Object.values(LANGS)) {
      const all = [...Object.values(lang.reasons), ...Object.values(lang.faults), ...Object.values(lang.deviceStatus), ...Object.values(lang.problems), lang.issue, lang.retryAfterMinutes, lang.retryAfterSeconds];
      for (const text of all) for (const p of placeholders(text)) expect(allowed, `{{${p}}} in "${text}"`).toContain(p);
    }
  });
});
