// A contract error in the words of the screen's language: the reason's text (else the code's), filled with the
// error's params; each issue as "field: what is wrong" with the field named by its catalogue label (or by the
// screen, which knows its own fields). The English `message` is never shown: it is for the logs.
import { isDeviceFault, type ContractError, type ErrorIssue } from '@easydo/core/contract/errors';
import { DeviceKind, type DeviceStatus } from '@easydo/core/contract/schemas/device';

/** i18next's t bound to the 'errors' namespace (any function with that shape, so tests need no i18next). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type Lang = 'zh' | 'en';

export interface DescribedIssue {
  path: string;
  text: string;
}

export interface DescribedError {
  text: string;
  issues: DescribedIssue[];
}

export function langOf(language: string | undefined): Lang {
  return language?.startsWith('en') ? 'en' : 'zh';
}

export function deviceName(kind: unknown, t: Translate): string {
  const parsed = DeviceKind.safeParse(kind);
  return t(`devices.${parsed.success ? parsed.data : 'unknown'}`);
}

export function describeIssue(issue: ErrorIssue, t: Translate, lang: Lang, fieldLabel?: (path: string) => string | undefined): DescribedIssue {
  const field = issue.label?.[lang] ?? fieldLabel?.(issue.path);
  const problem = t(`problems.${issue.problem ?? 'invalid'}`, issue.params ?? {});
  return { path: issue.path, text: field ? t('issue', { field, problem }) : problem };
}

export function describeError(error: ContractError, t: Translate, lang: Lang, fieldLabel?: (path: string) => string | undefined): DescribedError {
  const params = error.params ?? {};
  const values = { ...params, device: deviceName(params.device, t) };
  let text = error.reason ? t(`reasons.${error.reason}`, values) : t(`codes.${error.code}`);
  if (typeof params.retryAfterMinutes === 'number') text += t('retryAfterMinutes', { minutes: params.retryAfterMinutes });
  else if (typeof params.retryAfterSeconds === 'number') text += t('retryAfterSeconds', { seconds: params.retryAfterSeconds });
  return { text, issues: (error.issues ?? []).map((i) => describeIssue(i, t, lang, fieldLabel)) };
}

/** A device's state in words: its fault when the driver reported a known one, else its status. */
export function describeDevice(device: { kind?: unknown; status: DeviceStatus; fault?: string | undefined }, t: Translate): string {
  const name = deviceName(device.kind, t);
  if (device.status !== 'online' && device.status !== 'busy' && isDeviceFault(device.fault)) return t(`faults.${device.fault}`, { device: name });
  return t(`deviceStatus.${device.status}`, { device: name });
}
