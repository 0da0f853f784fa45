// Redaction at the logger: whatever a caller passes, ID numbers, names and other personal fields never reach a
// log line. Keys are dropped by name; free text is scrubbed of anything shaped like an ID or card number.

import { scrubSensitiveTerms } from './session-terms';

const PERSONAL_KEYS = new Set(
  [
    'name', 'chineseName', 'englishName', 'idNumber', 'cardNumber', 'permitNumber', 'address', 'birthDate', 'photo',
    'phone', 'contactPhone', 'queryPassword', 'password', 'pin', 'secret', 'terminalSecret', 'ocrText', 'text',
    'applicant', 'form', 'signature', 'previousNumberLink',
  ].map((k) => k.toLowerCase()),
);

// 18-char resident / 2023 foreigner numbers, 15-char 2017 foreigner numbers, 9-char HMT permit numbers, phones.
const ID_LIKE = /\b(\d{17}[\dXx]|[A-Z]{3}\d{12}|[HM]\d{8}|1[3-9]\d{9})\b/g;

export function scrubText(text: string): string {
  return scrubSensitiveTerms(text).replace(ID_LIKE, '[redacted]');
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof Error) return { type: value.name, message: scrubText(value.message) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = PERSONAL_KEYS.has(key.toLowerCase()) ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}
