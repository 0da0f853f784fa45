// Which object keys hold personal data or secrets, decided by the words a key is made of rather than by a fixed
// list of spellings: `applicantName`, `holder_name`, `HOLDER-NAME`, `residenceAddress`, `x-clerk-token`,
// `Authorization`, `IDNumber`, `id_no`, `queryPassword`, `pinHash` all match. Keys that are one lower-case word
// (header and column names such as `clerktoken`) are searched for the same stems. Unknown keys pass, because the
// values under them are still scrubbed of personal shapes and session terms.

/** A key with any of these words holds personal data or a secret. */
const PERSONAL_WORDS = new Set([
  'name', 'surname', 'forename', 'fullname', 'nickname', 'username',
  'address', 'addr', 'residence', 'domicile', 'household', 'hukou',
  'phone', 'mobile', 'telephone', 'tel', 'fax', 'email', 'contact',
  'birth', 'birthday', 'birthdate', 'dob', 'photo', 'portrait', 'face', 'fingerprint', 'biometric',
  'passport', 'permit', 'certificate', 'applicant', 'holder', 'householder', 'ocr', 'signature',
  'token', 'secret', 'password', 'passwd', 'pwd', 'passcode', 'passphrase', 'pin', 'otp',
  'authorization', 'auth', 'bearer', 'cookie', 'credential', 'idnumber', 'idcard',
]);
/** A key whose last word is one of these: `text` and `ocrText` are free text, `textLength` is not. */
const PERSONAL_LAST_WORDS = new Set(['text', 'form']);
/** `<qualifier> number` (`idNumber`, `cardNo`, `previousNumberLink`) is an identity number. */
const NUMBER_WORDS = new Set(['number', 'no', 'num', 'nr']);
const NUMBER_QUALIFIERS = new Set(['id', 'card', 'permit', 'passport', 'certificate', 'cert', 'licence', 'license', 'document', 'doc', 'previous', 'social', 'bank', 'account']);
/** `<qualifier> key` is key material (`apiKey`, `privateKey`); a plain `key` (an idempotency key, a field key) is not. */
const KEY_QUALIFIERS = new Set(['api', 'private', 'secret', 'access', 'session', 'encryption', 'signing', 'master']);
/** `<qualifier> name` names a thing, not a person: `itemName`, `deviceName`, `fileName` stay readable. */
const THING_QUALIFIERS = new Set([
  'item', 'centre', 'center', 'file', 'host', 'device', 'queue', 'printer', 'scanner', 'reader', 'service', 'category',
  'department', 'dept', 'event', 'channel', 'operation', 'step', 'field', 'module', 'app', 'job', 'model', 'product',
  'font', 'class', 'error', 'type', 'window', 'mode', 'profile', 'locale', 'language', 'process', 'column', 'table',
  'driver', 'protocol', 'vendor', 'brand', 'test', 'material', 'document', 'doc',
]);
/**
 * A key of several words ending in one of these measures or describes personal data without holding it:
 * `ocrEngine`, `ocrProgress`, `pinAttempts`, `tokenExpiresAt`, `photoCount`, `nameLength`, `certificateType`,
 * `signatureOk`. Redacting them hid what a maintainer needs (how far OCR got, how many PIN tries) and protected
 * nothing: the values under every key are still scrubbed of personal shapes and session terms.
 */
const MEASURE_LAST_WORDS = new Set([
  'count', 'length', 'len', 'size', 'bytes', 'ms', 'seconds', 'engine', 'progress', 'attempts', 'tries', 'expires', 'expiry', 'at',
  'type', 'kind', 'status', 'state', 'required', 'present', 'enabled', 'match', 'matches', 'valid', 'missing', 'ok', 'mode', 'format',
]);
/** Stems looked for inside one-word lower-case keys. */
const STEMS = /name|address|token|secret|passw|authoriz|idnumber|idcard|cardnumber|permit|phone|mobile|email|birth|photo|signature|cookie|credential|apikey|privatekey|passport|holder|applicant|ocrtext/;

/** `applicantIdNumber` → applicant, id, number; `X-Clerk-Token` → x, clerk, token; `IDNumber` → id, number. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const singular = (w: string) => (w.endsWith('es') && PERSONAL_WORDS.has(w.slice(0, -2)) ? w.slice(0, -2) : w.endsWith('s') ? w.slice(0, -1) : w);
const isPersonalWord = (w: string) => PERSONAL_WORDS.has(w) || PERSONAL_WORDS.has(singular(w));

export function isSensitiveKey(key: string): boolean {
  const words = keyWords(key);
  if (words.length === 0) return false;
  if (words.length === 2 && words[1] === 'name' && THING_QUALIFIERS.has(words[0]!)) return false;
  if (words.length > 1 && MEASURE_LAST_WORDS.has(words[words.length - 1]!)) return false;
  if (words.length === 1) {
    const only = words[0]!;
    if (isPersonalWord(only) || PERSONAL_LAST_WORDS.has(only)) return true;
    const thing = only.endsWith('name') ? only.slice(0, -4) : '';
    return !THING_QUALIFIERS.has(thing) && STEMS.test(only);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const before = words[i - 1];
    if (isPersonalWord(w)) return true;
    if (before && NUMBER_WORDS.has(w) && NUMBER_QUALIFIERS.has(before)) return true;
    if (before && w === 'key' && KEY_QUALIFIERS.has(before)) return true;
    if (before === 'id' && w === 'card') return true;
  }
  return PERSONAL_LAST_WORDS.has(words[words.length - 1]!);
}
