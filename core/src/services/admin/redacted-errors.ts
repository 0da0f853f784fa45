// What the admin dashboard, the diagnostics and the heartbeat show of free-text errors. A device's or the outbox's
// `lastError` is a driver's or the platform's sentence and may quote what it was handling: an ID or card number,
// a phone, the resident's name (a platform refusal naming the applicant). These texts are scrubbed the way a log
// line is (logging/redact.ts: personal-number shapes, and the open or just-wiped session's own names and numbers)
// before they are kept for the screen or sent off the terminal. Codes (`paperOut`, `validation/…`) stay readable.
import type { DeviceSnapshot, ServiceState } from '@easydo/core/contract/schemas/device';
import { scrubText } from '../logging/redact';

export const scrubbedError = (text: string | null): string | null => (text === null ? null : scrubText(text));

const scrubbedStamp = <S extends { message: string }>(s: S): S => ({ ...s, message: scrubText(s.message) });

/** A device as admin shows it: its last error's and its alerts' messages scrubbed. */
export function redactedDevice(d: DeviceSnapshot): DeviceSnapshot {
  return { ...d, lastError: d.lastError ? scrubbedStamp(d.lastError) : null, alerts: d.alerts.map(scrubbedStamp) };
}

/** The service state as admin shows it: each reason's message (a device's last error) scrubbed. */
export function redactedService(s: ServiceState): ServiceState {
  return { ...s, reasons: s.reasons.map(scrubbedStamp) };
}
