// The platform's and the scanner's refusals as contract failures the screens explain.
import { Failure } from '../errors/failure';
import type { ErrorReason } from '@easydo/core/contract/error-reasons';

const PLATFORM: Record<string, ErrorReason> = {
  expired: 'code-expired',
  already_used: 'code-used',
  unknown_issuer: 'code-unknown-issuer',
  revoked: 'code-revoked',
  clock_skew: 'code-clock-skew',
  malformed: 'code-malformed',
};

export function platformRefusal(reason: string): Failure {
  return new Failure('validation', `the platform refused the identity code (${reason})`, PLATFORM[reason] ?? 'code-malformed');
}

/** A scanner error (QrScanError code) while waiting for a code. */
export function scanFailure(code: string): Failure {
  if (code === 'timeout') return new Failure('state', 'no code was scanned in time', 'code-timeout');
  if (code === 'cancelled') return new Failure('state', 'the scan was cancelled', 'cancelled');
  if (code === 'noDevice' || code === 'openFailed' || code === 'transportClosed') return new Failure('device', 'the 2D scanner is not available', 'no-code-scanner');
  // binaryJunk, tooLong, partialFrame, controlCharacters, emptyCode, badPrefix: never passed on
  return new Failure('validation', `the scanner read something that is not a code (${code})`, 'code-unreadable');
}
