// The one typed error of the 2D scanner stack. A rejected frame (junk, too long, cut off, control characters)
// carries its reason as `code`, so nothing but a checked UTF-8 code ever leaves the driver.
import { DeviceCommandError, type DeviceLinkErrorCode } from '../device/model';

/** Why a frame from the scanner was refused (never passed on as text). */
export const FRAME_REJECTIONS = ['binaryJunk', 'tooLong', 'partialFrame', 'controlCharacters', 'emptyCode', 'badPrefix'] as const;
export type FrameRejection = (typeof FRAME_REJECTIONS)[number];

export type QrScanErrorCode = FrameRejection | DeviceLinkErrorCode | 'commandRefused' | 'notSupported';

export class QrScanError extends DeviceCommandError {
  constructor(
    override readonly code: QrScanErrorCode,
    message: string,
  ) {
    super(code, message);
    this.name = 'QrScanError';
  }

  toJSON(): { code: QrScanErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isFrameRejection(code: string): code is FrameRejection {
  return (FRAME_REJECTIONS as readonly string[]).includes(code);
}
