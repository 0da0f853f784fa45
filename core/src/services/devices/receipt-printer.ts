// Builds the receipt printer from config: a real one by address, or (development only, through the development
// composition) the loopback virtual ESC/POS printer, which writes each job as .bin/.txt/.png under the data folder.
import path from 'node:path';
import { createPrinterService, type PrinterService } from '@easydo/device-drivers/printer/service';
import type { VirtualPrinter } from '@easydo/device-drivers/printer/virtual/server';
import { tcpTransport } from '@easydo/device-drivers/printer/transport/tcp';
import { transportFromUrl } from '@easydo/device-drivers/printer/transport/from-url';
import { getProfile } from '@easydo/device-drivers/printer/profiles';
import type { TerminalConfig } from '../config/schema';
import type { DevelopmentPartsLoader } from './development-parts';
import { SHIPPED_CJK_FONT } from '../assets/fonts';

export interface ReceiptPrinterBundle {
  printer: PrinterService;
  /** Present when the printer is the virtual one. */
  virtual: VirtualPrinter | null;
  close(): Promise<void>;
}

export async function createReceiptPrinter(
  config: TerminalConfig['devices']['receiptPrinter'],
  dataDir: string,
  development: DevelopmentPartsLoader,
): Promise<ReceiptPrinterBundle> {
  const profile = getProfile(config.profile);
  if (config.address === 'virtual') {
    const dev = await development('devices.receiptPrinter.address');
    const virtual = await dev.virtualPrinter({
      port: 0,
      outDir: path.join(dataDir, 'virtual-printer'),
      dots: profile.dots,
      charset: profile.charset,
      font: { path: SHIPPED_CJK_FONT },
    });
    const printer = createPrinterService({ id: 'receiptPrinter', transport: tcpTransport('127.0.0.1', virtual.port), profile, pollIntervalMs: config.statusPollMs });
    return { printer, virtual, close: () => virtual.close() };
  }
  const printer = createPrinterService({ id: 'receiptPrinter', transport: transportFromUrl(config.address), profile, pollIntervalMs: config.statusPollMs });
  return { printer, virtual: null, close: async () => {} };
}
