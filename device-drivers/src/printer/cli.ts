// npm run printer -- serve --port P --out DIR [--state ok|near-end|out|cover-open|cutter-error] [--profile 58mm|80mm] [--font PATH]
// npm run printer -- print-sample --to tcp://127.0.0.1:P [--profile 58mm|80mm]
// npm run printer -- status --to URL
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderLayout } from './escpos/render';
import { getProfile } from './profiles';
import { sampleReceipt } from './sample';
import { createPrinterService } from './service';
import { PRINTER_STATES, type PrinterState } from './status';
import { transportFromUrl } from './transport/from-url';
import { startVirtualPrinter } from './virtual/server';

// The app ships its CJK font in core/assets/fonts; used for the PNG when run from the repository.
const REPO_FONT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../core/assets/fonts/EasyDoSansSC-Regular.otf');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string', default: '9100' },
      host: { type: 'string', default: '127.0.0.1' },
      out: { type: 'string', default: 'test-artifacts/printer' },
      state: { type: 'string', default: 'ok' },
      profile: { type: 'string', default: '80mm' },
      font: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const profile = getProfile(values.profile);
  switch (command) {
    case 'serve': {
      if (!(PRINTER_STATES as readonly string[]).includes(values.state)) throw new Error(`--state must be one of ${PRINTER_STATES.join(', ')}`);
      const fontPath = values.font ?? (existsSync(REPO_FONT) ? REPO_FONT : undefined);
      const printer = await startVirtualPrinter({
        port: Number(values.port),
        host: values.host,
        outDir: values.out,
        state: values.state as PrinterState,
        dots: profile.dots,
        charset: profile.charset,
        ...(fontPath ? { font: { path: fontPath } } : {}),
      });
      console.log(JSON.stringify({ listening: `tcp://${values.host}:${printer.port}`, out: path.resolve(values.out), state: printer.state(), profile: profile.name }));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await printer.close();
      return 0;
    }
    case 'print-sample': {
      if (!values.to) throw new Error('--to tcp://host:port is required');
      const bytes = renderLayout(sampleReceipt(), profile);
      const transport = transportFromUrl(values.to);
      await transport.write(bytes);
      await transport.close();
      console.log(JSON.stringify({ sent: bytes.length, to: transport.description, profile: profile.name }));
      return 0;
    }
    case 'status': {
      if (!values.to) throw new Error('--to URL is required');
      const service = createPrinterService({ id: 'receipt-printer', transport: transportFromUrl(values.to), profile });
      const snapshot = await service.refreshStatus();
      await service.stop();
      console.log(JSON.stringify(snapshot, null, 2));
      return snapshot.status === 'offline' ? 2 : 0;
    }
    default:
      console.error('usage: printer serve --port P --out DIR [--state ok|near-end|out|cover-open|cutter-error] [--profile 58mm|80mm] [--font PATH]\n' + '       printer print-sample --to tcp://127.0.0.1:P [--profile 58mm|80mm]\n' + '       printer status --to URL');
      return 64;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`printer: ${(e as Error).message}`);
    process.exit(1);
  },
);
