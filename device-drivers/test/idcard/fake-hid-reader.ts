// A fake HID card reader: output reports go to a simulator, its replies come back as input reports. Shared by the
// driver tests and core's reader-from-config tests, so both exercise the same device.
import { EventEmitter } from 'node:events';
import type { ByteEndpoint, HidReportDevice } from '../../src/idcard/index';
import { lengthPrefixedFraming } from '../../src/idcard/index';
import { Listeners } from '../../src/device/listeners';

/** A fake HID reader: output reports go to a simulator, its replies come back as input reports (64 bytes by default). */
export class FakeHidReader extends EventEmitter implements HidReportDevice {
  readonly written: number[][] = [];
  closed = false;
  private readonly framing: ReturnType<typeof lengthPrefixedFraming>;
  private readonly toSimulator = new Listeners<Uint8Array>();

  constructor(options: { reportSize?: number } = {}) {
    super();
    this.framing = lengthPrefixedFraming({ reportSize: options.reportSize ?? 64 });
  }

  /** The device side, for the simulator to attach to. */
  readonly endpoint: ByteEndpoint = {
    write: async (bytes) => {
      for (const report of this.framing.encode(bytes)) {
        const input = Buffer.from(report.slice(1)); // input reports arrive without the report-ID byte
        setImmediate(() => this.emit('data', input));
      }
    },
    onData: (listener) => this.toSimulator.add(listener),
  };

  async write(report: number[]): Promise<number> {
    this.written.push(report);
    this.toSimulator.emit(this.framing.decode(Uint8Array.from(report.slice(1))));
    return report.length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
