// Public API of the receipt printer driver.
export { PROFILES, getProfile, printerProfileSchema, type PrinterProfile, type ProfileName } from './profiles';
export { layoutBlockSchema, receiptLayoutSchema, type LayoutBlock, type ReceiptLayout, type Align } from './layout';
export { renderLayout, renderPlan } from './escpos/render';
export { planLayout, LayoutError, type PlannedOp, type PlannedLine } from './escpos/plan';
export { displayWidth, wrapToWidth, truncateToWidth, charColumns } from './escpos/width';
export { normalizeForProfile, encodeText, decodeText } from './escpos/text-encoding';
export { PRINTER_STATES, decodeRealtimeStatus, realtimeStatusByte, paperSensorByte, type PrinterState, type PrinterCondition } from './status';
export { startVirtualPrinter, type VirtualPrinter, type VirtualPrinterJob, type VirtualPrinterOptions } from './virtual/server';
export { EscPosParser, type ParserOptions } from './virtual/parser';
export { jobToText, type ParsedJob, type PrintBlock, type PrintedLine } from './virtual/job-model';
export { type PrinterTransport, TransportError } from './transport/transport';
export { tcpTransport } from './transport/tcp';
export { serialTransport } from './transport/serial';
export { deviceFileTransport } from './transport/device-file';
export { transportFromUrl } from './transport/from-url';
export { createPrinterService, type PrinterService, type PrinterServiceOptions, type PrintJobMeta } from './service';
export { sampleReceipt } from './sample';
