// SW3 is the SAM's own result code; SW1/SW2 are card-side bytes the SAM forwards and can be non-zero on
// errors, so the driver branches on SW3 alone (reference §1). Every known SW3 maps to a stable code.

export const SW3 = {
  ok: 0x90,
  cardFound: 0x9f,
  noContent: 0x91,
  hostChecksumError: 0x10,
  hostLengthError: 0x11,
  commandError: 0x21,
  unauthorizedOperation: 0x23,
  unrecognizedError: 0x24,
  cardAuthFailed: 0x31,
  samAuthFailed: 0x32,
  verificationError: 0x33,
  fingerprintVerificationError: 0x37,
  informationLengthError: 0x3f,
  wrongCardType: 0x40,
  readFailed: 0x41,
  randomNumberFailed: 0x47,
  samSelfTestFailed: 0x60,
  samNotAuthorized: 0x66,
  noCard: 0x80,
  selectFailed: 0x81,
} as const;

export type KnownSamStatusCode = keyof typeof SW3;
export type SamStatusCode = KnownSamStatusCode | 'unknownStatus';

const MESSAGES: Record<SamStatusCode, string> = {
  ok: 'success',
  cardFound: 'card found',
  noContent: 'this item has no content on the card',
  hostChecksumError: 'the SAM received a frame with a bad checksum',
  hostLengthError: 'the SAM received a frame with a bad length',
  commandError: 'the SAM rejected the command (bad value or combination)',
  unauthorizedOperation: 'unauthorised operation',
  unrecognizedError: 'unrecognised error',
  cardAuthFailed: 'the card failed to authenticate the SAM',
  samAuthFailed: 'the SAM failed to authenticate the card',
  verificationError: 'card information verification error',
  fingerprintVerificationError: 'fingerprint information verification error',
  informationLengthError: 'card information length error',
  wrongCardType: 'unrecognised card type (not an ID card)',
  readFailed: 'reading the card failed',
  randomNumberFailed: 'getting a random number from the card failed',
  samSelfTestFailed: 'SAM self-test failed; it cannot accept commands',
  samNotAuthorized: 'SAM not authorised',
  noCard: 'no card on the reader',
  selectFailed: 'selecting the card failed',
  unknownStatus: 'unknown SAM status',
};

const BY_BYTE = new Map<number, KnownSamStatusCode>(
  (Object.entries(SW3) as [KnownSamStatusCode, number][]).map(([code, byte]) => [byte, code]),
);

export interface SamStatus {
  sw1: number;
  sw2: number;
  sw3: number;
  code: SamStatusCode;
  /** 90, 9F and 91 are normal outcomes; everything else is a failure of the command. */
  success: boolean;
  message: string;
}

export function interpretSw3(sw3: number, sw1 = 0, sw2 = 0): SamStatus {
  const code = BY_BYTE.get(sw3) ?? 'unknownStatus';
  const success = code === 'ok' || code === 'cardFound' || code === 'noContent';
  const suffix = code === 'unknownStatus' ? ` 0x${sw3.toString(16).toUpperCase().padStart(2, '0')}` : '';
  return { sw1, sw2, sw3, code, success, message: MESSAGES[code] + suffix };
}

export function sw3Of(code: KnownSamStatusCode): number {
  return SW3[code];
}

/** SAM-side conditions that mean the module itself cannot work (not a card problem). */
export function isSamFault(code: string): boolean {
  return code === 'samSelfTestFailed' || code === 'samNotAuthorized';
}
