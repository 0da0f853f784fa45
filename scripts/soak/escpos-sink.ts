// The sessions soak's receipt printer: a loopback ESC/POS printer on TCP, as a real networked receipt printer
// is reached (`tcp://host:port`). It answers status requests (always ready, paper in) and parses each job, but
// keeps only its text lines and renders nothing. The virtual printer (device-drivers/src/printer/virtual/) also
// rasterises every job to PNG and writes three files, which took ~40% of the soak's CPU: the cost of the
// simulated device, not of the terminal, so the soak brings its own.
import net from 'node:net';
import { paperSensorByte, realtimeStatusByte } from '@easydo/device-drivers/printer/status';
import { jobToText } from '@easydo/device-drivers/printer/virtual/job-model';
import { EscPosParser } from '@easydo/device-drivers/printer/virtual/parser';

export interface EscPosSink {
  readonly address: string;
  /** Jobs received (a connection that only asked for status is not a job). */
  readonly jobs: number;
  /** The text of the last job, as a person reads it off the paper. */
  readonly lastText: string;
  /** Jobs with no cut at the end (a receipt that would hang out of the printer). */
  readonly uncut: number;
  close(): Promise<void>;
}

export async function startEscPosSink(): Promise<EscPosSink> {
  let jobs = 0;
  let uncut = 0;
  let lastText = '';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const parser = new EscPosParser({
      dots: 576, charset: 'gb18030', chineseModeAtReset: false,
      onStatusRequest: (req) => {
        if (req.kind === 'dle-eot' && req.n >= 1 && req.n <= 4) socket.write(Uint8Array.of(realtimeStatusByte('ok', req.n as 1 | 2 | 3 | 4)));
        else if (req.kind === 'gs-r' && (req.n === 1 || req.n === 49)) socket.write(Uint8Array.of(paperSensorByte('ok')));
        else if (req.kind === 'gs-i') socket.write(Uint8Array.of(req.n === 1 || req.n === 49 ? 0x20 : req.n === 2 || req.n === 50 ? 0x02 : 0x01));
      },
    });
    socket.on('data', (chunk) => parser.write(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      const job = parser.end();
      if (job.blocks.length === 0) return;
      jobs++;
      if (job.blocks.at(-1)?.type !== 'cut') uncut++;
      lastText = jobToText(job, 48).join('\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    address: `tcp://127.0.0.1:${port}`,
    get jobs() { return jobs; },
    get uncut() { return uncut; },
    get lastText() { return lastText; },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
