// Redaction at the logger: whatever a caller passes, ID numbers, names and other personal fields never reach a
// log line. Values under keys that name personal data or secrets (sensitive-keys.ts, matched by the words of the
// key) are dropped whole; every other string, number and key is scrubbed of personal shapes (text-shapes.ts) and
// of the open (or just wiped) session's own names and numbers (session-terms.ts).
import { isSensitiveKey } from './sensitive-keys';
import { scrubSensitiveTerms } from './session-terms';
import { REDACTED, scrubShapes } from './text-shapes';

export { isSensitiveKey } from './sensitive-keys';

export function scrubText(text: string): string {
  return scrubShapes(scrubSensitiveTerms(text));
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return scrubText(value);
  // A phone or an ID held as a number is still one (13800138001).
  if (typeof value === 'number' || typeof value === 'bigint') return scrubText(String(value)) === String(value) ? value : REDACTED;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return value;
  if (value instanceof Error) return { type: value.name, message: scrubText(value.message) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[scrubText(key)] = isSensitiveKey(key) ? REDACTED : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}
