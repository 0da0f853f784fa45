// The receipt printer as a device service (device/model.ts): polls real status with DLE EOT 1–4, maps it
// into the shared status model, prints jobs one at a time and drops a session's queued jobs when it ends.
//
// Status model (the design's choice, documented for the device manager):
//   unreachable / no reply        → offline                (lastError unreachable|timeout)
//   cover open                    → userError              detail.cover = 'open'
//   paper out                     → userError              detail.paper = 'out'   (+1 paperOutEvents)
//   cutter / unrecoverable error  → hardwareError          detail.error = true
//   paper near end                → online + alert paperNearEnd (maintenance, keeps printing)
//   a job being sent              → busy
import { DeviceCancelledError, DeviceCommandError, type DeviceAlert, type DeviceService, type DeviceSnapshot } from '../device/model';
import { SnapshotStore } from '../device/snapshot-store';
import { DLE, realtimeStatus } from './escpos/commands';
import type { PrinterProfile } from './profiles';
import { decodeRealtimeStatus, type PrinterCondition } from './status';
import type { PrinterTransport } from './transport/transport';

export interface PrinterServiceOptions {
  id: string;
  transport: PrinterTransport;
  profile: PrinterProfile;
  pollIntervalMs?: number;
  statusTimeoutMs?: number;
}

export interface PrintJobMeta {
  jobId: string;
  /** The resident session the job belongs to; cancelSession drops what is still queued. */
  sessionId: string;
}

export interface PrinterService extends DeviceService {
  print(bytes: Uint8Array, meta: PrintJobMeta): Promise<void>;
  /** Drop every queued job of the session; if the printer holds some of its data, clear the printer's buffer. */
  cancelSession(sessionId: string): Promise<number>;
  /** Fresh status read; true when a receipt can be printed now (the kiosk's pre-session check). */
  canPrint(): Promise<boolean>;
  /** Read status now and update the snapshot. */
  refreshStatus(): Promise<DeviceSnapshot>;
}

/** DLE DC4 8 1 3 20 1 6 2 8: clear the receive and print buffers (Epson real-time command, fn 8). */
const CLEAR_BUFFERS = Uint8Array.of(DLE, 0x14, 8, 1, 3, 20, 1, 6, 2, 8);
const STATUS_QUERY = Uint8Array.from([...realtimeStatus(1), ...realtimeStatus(2), ...realtimeStatus(3), ...realtimeStatus(4)]);

interface QueuedJob extends PrintJobMeta {
  bytes: Uint8Array;
  resolve: () => void;
  reject: (e: Error) => void;
}

export function createPrinterService(options: PrinterServiceOptions): PrinterService {
  const { id, transport, profile } = options;
  const pollMs = options.pollIntervalMs ?? 2000;
  const timeoutMs = options.statusTimeoutMs ?? 1500;
  const store = new SnapshotStore(id, 'receiptPrinter', {
    columns: profile.columns,
    dots: profile.dots,
    cut: profile.cut,
    charset: profile.charset,
    qr: profile.qr,
    statusReadable: transport.canQuery,
    transport: transport.description,
  });
  store.update({ counters: { receiptsPrinted: 0, paperOutEvents: 0 } });
  const queue: QueuedJob[] = [];
  let running: QueuedJob | null = null;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<DeviceSnapshot> | null = null;
  // Sessions that sent bytes while the printer could not print them: the printer may still hold them.
  const sessionsWithHeldData = new Set<string>();

  const apply = (cond: PrinterCondition) => {
    const before = store.get();
    const detail = { paper: cond.paper, cover: cond.coverOpen ? 'open' : 'closed', error: cond.error, online: cond.online, raw: cond.raw.map((b) => b.toString(16).padStart(2, '0')).join(' ') };
    const alerts: DeviceAlert[] = cond.paper === 'nearEnd' ? [keepAlert(before.alerts, 'paperNearEnd', 'Receipt paper is nearly used up')] : [];
    if (cond.paper === 'out' && before.detail.paper !== 'out') store.count('paperOutEvents');
    const status = cond.error ? 'hardwareError' : cond.coverOpen || cond.paper === 'out' ? 'userError' : running ? 'busy' : 'online';
    const lastError =
      status === 'online' || status === 'busy'
        ? store.get().lastError
        : { code: cond.error ? 'printerError' : cond.coverOpen ? 'coverOpen' : 'paperOut', message: cond.error ? 'The printer reports an error' : cond.coverOpen ? 'The printer cover is open' : 'The printer is out of paper', at: new Date().toISOString() };
    store.update({ status, detail, alerts, lastError });
  };

  const refreshStatus = (): Promise<DeviceSnapshot> => {
    if (!transport.canQuery) {
      if (store.get().status === 'starting') store.update({ status: 'online', detail: { paper: 'unknown', cover: 'unknown' } });
      return Promise.resolve(store.get());
    }
    polling ??= (async () => {
      try {
        apply(decodeRealtimeStatus(await transport.query(STATUS_QUERY, 4, timeoutMs)));
      } catch (e) {
        const code = (e as { code?: string }).code ?? 'unreachable';
        store.update({ status: 'offline', detail: { ...store.get().detail, online: false }, lastError: { code, message: (e as Error).message, at: new Date().toISOString() } });
      } finally {
        polling = null;
      }
      return store.get();
    })();
    return polling;
  };

  const printable = (s: DeviceSnapshot) => s.status === 'online' || s.status === 'busy';

  const pump = async () => {
    if (running) return;
    while (queue.length > 0) {
      const job = queue.shift()!;
      running = job;
      try {
        const snap = await refreshStatus();
        if (!printable(snap)) throw new DeviceCommandError(String(snap.detail.paper === 'out' ? 'paperOut' : (snap.lastError?.code ?? 'notReady')), `printer not ready (${snap.status})`);
        store.setStatus('busy');
        await transport.write(job.bytes);
        // A job sent while paper ran out mid-way stays in the printer's buffer; remember whose it was.
        const after = await refreshStatus();
        if (!printable(after)) sessionsWithHeldData.add(job.sessionId);
        store.count('receiptsPrinted');
        job.resolve();
      } catch (e) {
        job.reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        running = null;
        if (store.get().status === 'busy') store.setStatus('online');
      }
    }
  };

  return {
    id,
    kind: 'receiptPrinter',
    snapshot: () => store.get(),
    onChange: (listener) => store.onChange(listener),
    async start() {
      await refreshStatus();
      timer ??= setInterval(() => {
        if (!running) void refreshStatus();
      }, pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      for (const job of queue.splice(0)) job.reject(new DeviceCancelledError(`print job ${job.jobId}`));
      await polling;
      await transport.close();
    },
    print(bytes, meta) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ ...meta, bytes, resolve, reject });
        void pump();
      });
    },
    async cancelSession(sessionId) {
      const dropped = queue.filter((j) => j.sessionId === sessionId);
      for (const job of dropped) {
        queue.splice(queue.indexOf(job), 1);
        job.reject(new DeviceCancelledError(`print job ${job.jobId}`));
      }
      if (sessionsWithHeldData.delete(sessionId)) {
        await transport.write(CLEAR_BUFFERS).catch(() => undefined);
      }
      return dropped.length;
    },
    async canPrint() {
      return printable(await refreshStatus());
    },
    refreshStatus,
  };
}

function keepAlert(existing: DeviceAlert[], code: string, message: string): DeviceAlert {
  return existing.find((a) => a.code === code) ?? { code, message, at: new Date().toISOString() };
}
