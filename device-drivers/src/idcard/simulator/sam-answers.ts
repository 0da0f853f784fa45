// What the simulated SAM answers to each command, given the card slot and the armed faults: the protocol
// state machine (reset → find → select → read) of reference §2, with the card's own read frame where it
// has a captured one.
import type { CommandName } from '../protocol/commands';
import { baudRateForCode, encodeBaseMessage, encodeSamId } from '../protocol/commands';
import { encodeResponse } from '../protocol/frame-codec';
import { encodeNewAddresses } from '../protocol/sam-procedures';
import { SW3 } from '../protocol/sam-status';
import type { CardSlot } from './card-slot';
import { READ_COMMANDS, type SimulatorFault } from './faults';
import type { SimulatorLine } from './line';
import type { SimulatorOptions } from './types';

export const DEFAULT_SAM_ID = encodeSamId(5, 1, 20260101, 12345678, 1234567890);
const READS = new Set<CommandName>(READ_COMMANDS);

export interface Reply {
  /** SW3 of the reply, or null for none. */
  sw3: number | null;
  frame: Uint8Array | null;
  /** Runs once the reply is out (the SAM's speed change). */
  after?: () => Promise<void> | void;
}

function reply(sw3: number, data?: Uint8Array): Reply {
  return { sw3, frame: encodeResponse({ sw3, data }) };
}

function syntheticFingerprint(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 131 + 7) & 0xff;
  return out;
}

export class SamAnswers {
  private readonly samId: Uint8Array;
  private readonly afterRead: NonNullable<SimulatorOptions['afterRead']>;
  private readonly fingerprintBytes: number;

  constructor(
    private readonly slot: CardSlot,
    private readonly line: SimulatorLine,
    options: Pick<SimulatorOptions, 'samId' | 'afterRead' | 'fingerprintBytes'>,
  ) {
    this.samId = options.samId ?? DEFAULT_SAM_ID;
    this.afterRead = options.afterRead ?? 'findable';
    this.fingerprintBytes = options.fingerprintBytes ?? 1024;
  }

  async answer(command: CommandName | undefined, para: number, active: readonly SimulatorFault[]): Promise<Reply> {
    const slot = this.slot;
    const forced = active.find((f) => f.kind === 'noSam' || f.kind === 'status');
    if (forced) return reply(forced.kind === 'status' ? forced.sw3 : (forced.kind === 'noSam' && forced.sw3) || SW3.samSelfTestFailed);
    if (command && READS.has(command)) {
      if (!slot.card || !slot.selected) return reply(SW3.readFailed);
      if (active.some((f) => f.kind === 'removeMidRead')) {
        await this.line.rfWait(1 / 2);
        slot.remove();
        return reply(SW3.readFailed);
      }
      await this.line.rfWait();
      if (!slot.card) return reply(SW3.readFailed); // removed during the RF exchange
    }
    switch (command) {
      case 'resetSam':
        slot.found = false;
        slot.selected = false;
        return reply(SW3.ok);
      case 'samStatus':
        return reply(SW3.ok);
      case 'samId':
        return reply(SW3.ok, this.samId);
      case 'findCard':
        if (!slot.card || slot.halted) return reply(SW3.noCard);
        slot.found = true;
        slot.selected = false;
        return reply(SW3.cardFound, new Uint8Array(4));
      case 'selectCard':
        if (!slot.card || !slot.found || slot.halted) return reply(SW3.selectFailed);
        slot.selected = true;
        return reply(SW3.ok, new Uint8Array(8));
      case 'readBase':
      case 'readBaseFingerprint': {
        const r = this.readReply(command === 'readBaseFingerprint');
        if (this.afterRead === 'haltedUntilRemoved') slot.halted = true;
        return r;
      }
      case 'readNewAddress': {
        const addresses = slot.card!.newAddresses;
        return addresses.length > 0 ? reply(SW3.ok, encodeNewAddresses(addresses)) : reply(SW3.noContent);
      }
      case 'readManagementNumber':
        return reply(SW3.noContent); // the real reply is unknown [U]
      case 'setBaudRate': {
        const next = baudRateForCode(para);
        if (next === undefined) return reply(SW3.commandError);
        return { ...reply(SW3.ok), after: () => this.line.switchBaud(next) };
      }
      case 'setMaxRfBytes':
        return reply(SW3.ok);
      default:
        return reply(SW3.commandError);
    }
  }

  /** A hand-built reply for a damaged request (no command to answer). */
  static status(sw3: number): Uint8Array {
    return encodeResponse({ sw3 });
  }

  private readReply(withFingerprint: boolean): Reply {
    const c = this.slot.card!;
    if (!withFingerprint && c.readFrame) return { sw3: SW3.ok, frame: c.readFrame };
    const fp = withFingerprint ? (c.fingerprint ?? syntheticFingerprint(this.fingerprintBytes)) : null;
    return reply(SW3.ok, encodeBaseMessage(c.text, c.photo, fp));
  }
}
