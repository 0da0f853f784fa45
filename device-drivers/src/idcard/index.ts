// Public API of the ID card reader stack (GA/T 467 SAM protocol): records, parsing, codec, transports,
// the reader service, the simulator and the in-process link.

// Card records and parsing
export type { CardTextFields, CardType, Foreigner2017Card, Foreigner2023Card, HmtPermitCard, IdCard, IdCardJson, ResidentCard } from './card/card';
export { CARD_TYPE_MARKERS, CARD_TYPES, LONG_TERM, cardToJson } from './card/card';
export type { ParseCardOptions } from './card/parser';
export { cardTypeOf, parseCardText } from './card/parser';
export { buildCardText } from './card/encoder';
export { LAYOUTS, MARKER_OFFSET, TEXT_BYTES } from './card/layout';
export { gb11643CheckChar, isValidGb11643 } from './card/check-digit';
export { ethnicityName, GB3304_ETHNICITIES, GENDER_NAMES, genderName, hmtRegionOf } from './card/ethnicity';
export type { DecodedPhoto, WltDecoder } from './card/wlt';
export { looksLikeWlt, synthesizeWltPhoto, WLT_BYTES, WLT_HEADER } from './card/wlt';
export { maskCard, maskIdNumber, maskLatinName, maskName } from './card/mask';

// Codec
export type { DecodeEvent, FrameDecoderOptions, FrameError, FrameErrorCode, ResponseFields } from './protocol/frame-codec';
export {
  encodeFrame,
  encodeRequest,
  encodeResponse,
  FrameDecoder,
  fromHex,
  HEADER_BYTES,
  MIN_REQUEST_LENGTH,
  MIN_RESPONSE_LENGTH,
  PREAMBLE,
  toHex,
  xorChecksum,
} from './protocol/frame-codec';
export type { KnownSamStatusCode, SamStatus, SamStatusCode } from './protocol/sam-status';
export { interpretSw3, isSamFault, SW3 } from './protocol/sam-status';
export type { BaseMessage, CommandName, SamCommand, SamId } from './protocol/commands';
export {
  BAUD_CODES,
  COMMANDS,
  encodeBaseMessage,
  encodeCommand,
  encodeSamId,
  identifyCommand,
  parseBaseMessage,
  parseSamId,
  setBaudRateCommand,
  setMaxRfBytesCommand,
  SUPPORTED_BAUD_RATES,
} from './protocol/commands';
export type { IdCardErrorCode, ReaderStage } from './errors';
export { IdCardError, isIdCardError } from './errors';

// Transports
export type { ByteEndpoint, ByteTransport, TransportClosedInfo, TransportKind } from './transport/transport';
export type { SerialTransportOptions } from './transport/serial';
export { createSerialTransport, DEFAULT_BAUD_RATE, SerialTransport } from './transport/serial';
export type { HidReportDevice, HidReportFraming, HidTransportOptions, LengthPrefixedFramingOptions, NodeHidSelector } from './transport/hid';
export { createHidTransport, HidTransport, lengthPrefixedFraming, openNodeHidDevice } from './transport/hid';
export type { MemoryLink } from './transport/memory-link';
export { createMemoryLink } from './transport/memory-link';

// Protocol steps and the reader service
export type { ChannelStats, ExchangeOptions, SamChannelOptions, SamReply } from './protocol/sam-channel';
export { SamChannel } from './protocol/sam-channel';
export type { ReaderTimeouts, StepContext } from './protocol/sam-procedures';
export { DEFAULT_TIMEOUTS, findCard, initialiseSam, readSelectedCard, selectCard } from './protocol/sam-procedures';
export type {
  CardReadEvent,
  ErrorInfo,
  ReaderEvent,
  ReaderEventOf,
  ReaderEventType,
  ReaderPhase,
  ReaderServiceOptions,
} from './reader/service';
export { createReaderService, IdCardReaderService } from './reader/service';

// Simulator
export type { CardholderRecord, SimulatedCard } from './simulator/cardholders';
export {
  cardholderSchema,
  defaultCardholderFile,
  defaultFixtureDir,
  loadCardholderFile,
  loadFixtureCards,
  makeSimulatedCard,
  parseCardholders,
  splitReadFrame,
} from './simulator/cardholders';
export type { CardInput, Simulator, SimulatorHistoryEntry, SimulatorOptions, SimulatorStats } from './simulator/simulator';
export { createSimulator } from './simulator/simulator';
export type { FaultKind, SimulatorFault } from './simulator/faults';
export type { SerialSimulator, SerialSimulatorOptions } from './simulator/serial';
export { runSimulatorOnSerial } from './simulator/serial';
export type { InProcessLink, SimulatedReader, SimulatedReaderOptions } from './simulator/simulated-reader';
export { createInProcessLink, createSimulatedReader } from './simulator/simulated-reader';
