// One typed error for the whole ID card stack: a stable `code` (SAM status, frame error or link condition),
// a human message, and where it happened. It extends the shared DeviceCommandError so the device manager can
// treat it like any other device failure.
import { DeviceCommandError, type DeviceLinkErrorCode } from '../device/model';
import type { FrameErrorCode } from './protocol/frame-codec';
import type { SamStatusCode } from './protocol/sam-status';
import type { CommandName } from './protocol/commands';

export type IdCardErrorCode =
  | Exclude<SamStatusCode, 'ok' | 'cardFound' | 'noContent'>
  | Exclude<FrameErrorCode, 'garbage'>
  | DeviceLinkErrorCode
  | 'badResponse'
  | 'badCardData'
  | 'unknownCardType'
  | 'unsupportedBaudRate';

/** Where a failure happened: opening the port, one of the SAM commands, or parsing the card. */
export type ReaderStage = 'open' | CommandName | 'parse';

export class IdCardError extends DeviceCommandError {
  constructor(
    override readonly code: IdCardErrorCode,
    message: string,
    readonly stage?: ReaderStage,
    readonly sw3?: number,
  ) {
    super(code, message);
    this.name = 'IdCardError';
  }

  /** Plain data for events and IPC: code, message, stage; never a stack. */
  toJSON(): { code: IdCardErrorCode; message: string; stage?: ReaderStage; sw3?: number } {
    return {
      code: this.code,
      message: this.message,
      ...(this.stage ? { stage: this.stage } : {}),
      ...(this.sw3 !== undefined ? { sw3: this.sw3 } : {}),
    };
  }
}

export function isIdCardError(value: unknown): value is IdCardError {
  return value instanceof IdCardError;
}
