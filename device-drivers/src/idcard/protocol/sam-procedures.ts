// The protocol steps the reader performs, each a short function over a SamChannel with its own timeout:
// initialise (reset, status, SAM ID), find, select, read. The reader service sequences them; tests and the
// bench can call them directly.
import type { IdCard } from '../card/card';
import { trimPadding } from '../card/layout';
import { parseCardText } from '../card/parser';
import type { SamCommand, SamId } from './commands';
import { COMMANDS, NEW_ADDRESS_BYTES, parseBaseMessage, parseSamId, setBaudRateCommand } from './commands';
import type { ReaderStage } from '../errors';
import { IdCardError } from '../errors';
import type { SamChannel, SamReply } from './sam-channel';
import type { SamStatusCode } from './sam-status';

export interface ReaderTimeouts {
  /** Opening the transport. */
  open: number;
  resetSam: number;
  samStatus: number;
  samId: number;
  findCard: number;
  selectCard: number;
  /** `30 01`: 1295 bytes are 112 ms at 115200 and 1.35 s at 9600, plus the card's RF time. */
  readBase: number;
  readBaseFingerprint: number;
  readNewAddress: number;
  setBaudRate: number;
}

export const DEFAULT_TIMEOUTS: ReaderTimeouts = {
  open: 3000,
  resetSam: 3000,
  samStatus: 1000,
  samId: 1000,
  findCard: 1000,
  selectCard: 1000,
  readBase: 3000,
  readBaseFingerprint: 5000,
  readNewAddress: 2000,
  setBaudRate: 1000,
};

export interface StepContext {
  channel: SamChannel;
  timeouts: ReaderTimeouts;
  signal?: AbortSignal;
}

type TimedStage = Exclude<keyof ReaderTimeouts, 'open'>;

/** Run a command and insist on one of the `accept` SW3 outcomes; any other becomes a typed IdCardError. */
export async function runCommand(
  ctx: StepContext,
  command: SamCommand,
  accept: readonly SamStatusCode[] = ['ok'],
): Promise<SamReply> {
  const stage = command.name as TimedStage & ReaderStage;
  const reply = await ctx.channel.exchange(command, { timeoutMs: ctx.timeouts[stage] ?? 1000, signal: ctx.signal });
  if (accept.includes(reply.status.code)) return reply;
  const code = reply.status.code;
  const errorCode = code === 'ok' || code === 'cardFound' || code === 'noContent' ? 'badResponse' : code;
  throw new IdCardError(errorCode, `${command.name}: ${reply.status.message}`, stage, reply.status.sw3);
}

export interface InitialiseOptions {
  resetOnOpen: boolean;
  samIdRetries: number;
  samIdPadWidth?: number;
}

export async function initialiseSam(ctx: StepContext, options: InitialiseOptions): Promise<SamId> {
  if (options.resetOnOpen) await runCommand(ctx, COMMANDS.resetSam);
  await runCommand(ctx, COMMANDS.samStatus);
  // SAM ID reads are flaky on some modules; public code retries them (reference §7).
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await runCommand(ctx, COMMANDS.samId);
      return parseSamId(reply.data, options.samIdPadWidth);
    } catch (err) {
      if (attempt >= options.samIdRetries || !(err instanceof IdCardError) || err.code === 'cancelled') throw err;
    }
  }
}

/** true: a card answered (9F); false: no card (80). Anything else throws. */
export async function findCard(ctx: StepContext): Promise<boolean> {
  const reply = await runCommand(ctx, COMMANDS.findCard, ['cardFound', 'noCard']);
  return reply.status.code === 'cardFound';
}

export async function selectCard(ctx: StepContext): Promise<void> {
  await runCommand(ctx, COMMANDS.selectCard);
}

export interface ReadOptions {
  readFingerprint: boolean;
  readNewAddress: boolean;
  extraEthnicities?: Readonly<Record<string, string>>;
}

/** Read the selected card: base text + photo (+ fingerprint), optionally appended addresses, parsed. */
export async function readSelectedCard(ctx: StepContext, options: ReadOptions): Promise<IdCard> {
  const command = options.readFingerprint ? COMMANDS.readBaseFingerprint : COMMANDS.readBase;
  const reply = await runCommand(ctx, command);
  const message = parseBaseMessage(reply.data, { withFingerprint: options.readFingerprint });
  const card = parseCardText(message.text, { photo: message.photo, extraEthnicities: options.extraEthnicities });
  if (options.readFingerprint) card.fingerprint = message.fingerprint && message.fingerprint.length > 0 ? message.fingerprint : null;
  if (options.readNewAddress) {
    const extra = await runCommand(ctx, COMMANDS.readNewAddress, ['ok', 'noContent']);
    card.newAddresses = extra.status.code === 'ok' ? parseNewAddresses(extra.data) : [];
  }
  return card;
}

const utf16 = new TextDecoder('utf-16le');

export function parseNewAddresses(data: Uint8Array): string[] {
  const out: string[] = [];
  for (let at = 0; at + NEW_ADDRESS_BYTES <= data.length; at += NEW_ADDRESS_BYTES) {
    const text = trimPadding(utf16.decode(data.subarray(at, at + NEW_ADDRESS_BYTES)));
    if (text) out.push(text);
  }
  return out;
}

export function encodeNewAddresses(addresses: readonly string[]): Uint8Array {
  const out = new Uint8Array(addresses.length * NEW_ADDRESS_BYTES);
  addresses.forEach((address, n) => {
    for (let i = 0; i < NEW_ADDRESS_BYTES / 2; i++) {
      const unit = i < address.length ? address.charCodeAt(i) : 0x20;
      out[n * NEW_ADDRESS_BYTES + i * 2] = unit & 0xff;
      out[n * NEW_ADDRESS_BYTES + i * 2 + 1] = unit >> 8;
    }
  });
  return out;
}

/** Ask the SAM to switch UART speed; the caller then switches its own port. */
export async function requestBaudRate(ctx: StepContext, baudRate: number): Promise<void> {
  await runCommand(ctx, setBaudRateCommand(baudRate));
}
