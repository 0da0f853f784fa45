// Cardholder records for the simulator: any JSON shaped like fixtures/idcard/cardholders.json (one record or
// an array), checked with a schema at the boundary. A record's text block is built from its fields; where
// the record names a captured reply frame (`readFrameFile`) beside the JSON, that frame is served byte for
// byte instead.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CardTextFields, IdCard } from '../card/card';
import { CARD_TYPES } from '../card/card';
import { buildCardText } from '../card/encoder';
import { parseBaseMessage } from '../protocol/commands';
import { IdCardError } from '../errors';
import { FrameDecoder, fromHex, MIN_RESPONSE_LENGTH } from '../protocol/frame-codec';
import { synthesizeWltPhoto } from '../card/wlt';

const text = z.string().nullish();

export const cardholderSchema = z.looseObject({
  id: z.string().min(1).optional(),
  cardType: z.enum(CARD_TYPES),
  name: text,
  gender: text,
  ethnicityCode: text,
  birthDate: text,
  address: text,
  idNumber: text,
  issuer: text,
  validFrom: text,
  validTo: text,
  permitNumber: text,
  issueCount: text,
  chineseName: text,
  englishName: text,
  nationality: text,
  cardNumber: text,
  cardVersion: text,
  issuerCode: text,
  renewalCount: text,
  previousNumberLink: text,
  readFrameFile: text,
  newAddresses: z.array(z.string()).optional(),
});

export type CardholderRecord = z.infer<typeof cardholderSchema>;

/** A card as the simulator holds it: ready-made blocks, plus the captured `30 01` frame when there is one. */
export interface SimulatedCard {
  id: string;
  fields: CardTextFields;
  text: Uint8Array;
  photo: Uint8Array;
  /** Exact SAM reply to `30 01` to serve (fixture capture), or null to build one. */
  readFrame: Uint8Array | null;
  fingerprint: Uint8Array | null;
  newAddresses: string[];
}

/** The fixtures folder of this repository (fixtures/idcard). */
export function defaultFixtureDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/idcard');
}

export function defaultCardholderFile(): string {
  return join(defaultFixtureDir(), 'cardholders.json');
}

export function parseCardholders(json: unknown): CardholderRecord[] {
  const list = Array.isArray(json) ? json : [json];
  const result = z.array(cardholderSchema).safeParse(list);
  if (!result.success) {
    throw new IdCardError('badCardData', `cardholder data is not valid: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Decode a `30 01` reply frame (e.g. a fixture .hex) into its text and photo blocks. */
export function splitReadFrame(frame: Uint8Array): { text: Uint8Array; photo: Uint8Array } {
  const events = new FrameDecoder({ minLength: MIN_RESPONSE_LENGTH }).push(frame);
  const first = events[0];
  if (events.length !== 1 || first?.kind !== 'frame') {
    throw new IdCardError('badResponse', `not one valid frame: ${first?.kind === 'error' ? first.error.message : 'incomplete'}`);
  }
  if (first.body[2] !== 0x90) throw new IdCardError('badResponse', 'frame is not a successful read reply');
  const { text, photo } = parseBaseMessage(first.body.subarray(3), { withFingerprint: false });
  return { text, photo };
}

export function isIdCard(value: unknown): value is IdCard {
  return typeof value === 'object' && value !== null && 'checkDigitValid' in value && 'photo' in value;
}

/** Build a simulated card from a cardholder record or a parsed IdCard (optionally with its captured frame). */
export function makeSimulatedCard(input: CardholderRecord | IdCard, readFrame: Uint8Array | null = null): SimulatedCard {
  const fields = input as CardTextFields;
  const id = ('id' in input && typeof input.id === 'string' ? input.id : null) ?? input.idNumber ?? input.cardType;
  let textBlock: Uint8Array;
  let photo: Uint8Array;
  if (readFrame) {
    ({ text: textBlock, photo } = splitReadFrame(readFrame));
  } else {
    textBlock = buildCardText(fields);
    photo = isIdCard(input) && input.photo ? input.photo : synthesizeWltPhoto(id);
  }
  const fingerprint = isIdCard(input) && input.fingerprint ? input.fingerprint : null;
  const newAddresses = (isIdCard(input) ? input.newAddresses : (input as CardholderRecord).newAddresses) ?? [];
  return { id, fields, text: textBlock, photo, readFrame, fingerprint, newAddresses: [...newAddresses] };
}

/** Load a cardholder JSON file; captured frames named by `readFrameFile` are read from beside it if present. */
export async function loadCardholderFile(file: string): Promise<SimulatedCard[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new IdCardError('badCardData', `cannot read cardholders from ${file}: ${(err as Error).message}`);
  }
  const dir = dirname(file);
  const cards: SimulatedCard[] = [];
  for (const record of parseCardholders(json)) {
    const frameFile = record.readFrameFile ? join(dir, record.readFrameFile) : null;
    const frame = frameFile && existsSync(frameFile) ? fromHex(await readFile(frameFile, 'utf8')) : null;
    cards.push(makeSimulatedCard(record, frame));
  }
  return cards;
}

/** The 12 synthetic fixture cards. */
export function loadFixtureCards(): Promise<SimulatedCard[]> {
  return loadCardholderFile(defaultCardholderFile());
}
