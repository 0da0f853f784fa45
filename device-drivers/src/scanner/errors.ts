// Typed scanner errors. scanimage exits with the SANE status of the failing call and prints a
// sentence on stderr; we map both to stable codes the UI can act on (clear the jam, close the lid,
// load paper) and to the device status the device manager shows.
import { DeviceCommandError, type DeviceStatus } from '../device/model';

export type ScannerErrorCode =
  | 'jammed'
  | 'coverOpen'
  | 'noPaper'
  | 'busy'
  | 'deviceNotFound'
  | 'accessDenied'
  | 'ioError'
  | 'scanFailed'
  | 'notInstalled'
  /** No new bytes, page or message for the no-progress window: the process was killed (see sane-scanner.ts). */
  | 'scannerHung';

export class ScannerError extends DeviceCommandError {
  constructor(
    override readonly code: ScannerErrorCode,
    message: string,
    /** Pages completed before the failure (an ADF jam mid-batch keeps the pages already scanned). */
    readonly pagesScanned = 0,
  ) {
    super(code, message);
    this.name = 'ScannerError';
  }
}

/** SANE_Status values (sane.h) as scanimage's exit code. */
const BY_STATUS: Record<number, ScannerErrorCode> = {
  3: 'busy',
  6: 'jammed',
  7: 'noPaper',
  8: 'coverOpen',
  9: 'ioError',
  11: 'accessDenied',
};

const BY_MESSAGE: Array<[RegExp, ScannerErrorCode]> = [
  [/jammed/i, 'jammed'],
  [/cover is open/i, 'coverOpen'],
  [/out of documents|no documents/i, 'noPaper'],
  [/device busy/i, 'busy'],
  [/open of device .* failed|no SANE devices found/i, 'deviceNotFound'],
  [/access (to resource has been )?denied/i, 'accessDenied'],
  [/error during device i\/o/i, 'ioError'],
];

const MESSAGES: Record<ScannerErrorCode, string> = {
  jammed: 'Paper jam in the document feeder',
  coverOpen: 'The scanner cover is open',
  noPaper: 'No paper in the document feeder',
  busy: 'The scanner is busy',
  deviceNotFound: 'The scanner was not found',
  accessDenied: 'Access to the scanner was denied',
  ioError: 'Scanner input/output error',
  scanFailed: 'The scan failed',
  notInstalled: 'scanimage (sane-utils) is not installed',
  scannerHung: 'The scanner stopped responding',
};

export function scannerErrorFrom(exitCode: number | null, stderr: string, pagesScanned = 0): ScannerError {
  const code = reportedErrorCode(stderr) ?? (exitCode !== null ? BY_STATUS[exitCode] : undefined) ?? 'scanFailed';
  return new ScannerError(code, MESSAGES[code], pagesScanned);
}

/** The error scanimage already printed, if any (it prints before tearing the scan down). */
export function reportedErrorCode(stderr: string): ScannerErrorCode | null {
  return BY_MESSAGE.find(([re]) => re.test(stderr))?.[1] ?? null;
}

export function scannerError(code: ScannerErrorCode, pagesScanned = 0): ScannerError {
  return new ScannerError(code, MESSAGES[code], pagesScanned);
}

/** The device status an error leaves the scanner in. */
export function statusFor(code: ScannerErrorCode): DeviceStatus {
  switch (code) {
    case 'jammed':
    case 'coverOpen':
    case 'noPaper':
      return 'userError';
    case 'busy':
      return 'busy';
    case 'deviceNotFound':
    case 'notInstalled':
      return 'noDevice';
    default:
      return 'hardwareError';
  }
}
