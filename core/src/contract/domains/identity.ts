// Channels of identity by phone code (亮码办事) and card plus code, through the 2D scanner main drives. Main
// waits for the code, has the platform verify it and keeps only the verified identity in the session.
import { z } from 'zod';
import { channel } from '../define';
import { Ack, Empty } from '../schemas/terminal';
import { CodeIdentity, IdentityOptions, ItemIdentityNeed, ScanCodeRequest, SimShowCodeRequest } from '../schemas/identity-code';

const RESIDENT_FACING = ['kiosk', 'counter'] as const;

export const identityChannels = {
  'identity:options': channel({
    summary: 'Whether phone codes are accepted here (a working 2D scanner) and which',
    request: Empty,
    response: IdentityOptions,
    modes: RESIDENT_FACING,
  }),
  'identity:scanCode': channel({
    summary: "Wait for the resident's phone code on the scanner, verify it with the platform, start the session by it",
    request: ScanCodeRequest,
    response: CodeIdentity,
    modes: RESIDENT_FACING,
    residentActivity: true,
  }),
  'identity:confirmWithCode': channel({
    summary: 'Card plus code: the phone code scanned now must belong to the cardholder of this session',
    request: ScanCodeRequest,
    response: CodeIdentity,
    modes: RESIDENT_FACING,
    requires: ['card'],
    residentActivity: true,
  }),
  'identity:cancelScan': channel({
    summary: 'The scan screen closed: stop waiting for a code',
    request: Empty,
    response: Ack,
    modes: RESIDENT_FACING,
  }),
  'identity:itemNeed': channel({
    summary: 'What this item needs of the session identity (physical card, card plus code) before its form opens',
    request: z.object({ itemCode: z.string().min(1).max(64) }).strict(),
    response: ItemIdentityNeed,
    modes: RESIDENT_FACING,
    requires: ['card'],
  }),
  'qr:scanReceipt': channel({
    summary: "Wait for a receipt's QR on the 2D scanner (progress query, reprint); only a receipt code is handed back",
    request: Empty,
    response: z.object({ payload: z.string().min(1).max(500) }),
    modes: RESIDENT_FACING,
    residentActivity: true,
  }),
  'sim:showReceiptQr': channel({
    summary: 'Simulator only: hold a receipt QR text in front of the simulated 2D scanner',
    request: z.object({ payload: z.string().min(1).max(500) }).strict(),
    response: Ack,
    modes: ['kiosk', 'counter', 'admin'],
  }),
  'sim:showCode': channel({
    summary: "Simulator only: the sandbox issues a synthetic resident's dynamic code and the simulated scanner shows it",
    request: SimShowCodeRequest,
    response: Ack,
    modes: ['kiosk', 'counter', 'admin'],
  }),
} as const;
