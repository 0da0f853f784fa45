// The sandbox's remote-help hub: the platform side of backend-client/src/remote-help/messages.ts on the sandbox's
// own HTTP server. Each terminal connects once (the upgrade is signed like any request); calls queue until a clerk
// who offers help answers; then every signal and help message of the call is validated and passed to the other
// terminal, and nothing of it is stored but the call's times and rating (no view, no chat, no media).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ClientMessage, MAX_MESSAGE_BYTES, REMOTE_HELP_PATH, parseFrame,
  type EndReason, type ErrorCode, type HelperInfo, type QueuedCall, type ServerMessage,
} from '../../src/remote-help/messages';
import type { z } from 'zod';

export interface HubDeps {
  /** Verifies the upgrade's signature; returns the terminal id or throws. */
  authenticate(method: string, url: string, headers: IncomingMessage['headers'], body: Buffer): string;
  /** The clerk a platform token belongs to, or null (unknown or expired). */
  clerkOf(token: string): HelperInfo | null;
  now?: () => number;
}

/** What the platform keeps of a call: times and rating, for the workload figures. */
export interface CallRecord {
  callId: string;
  terminalId: string;
  staffId: string | null;
  requestedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  endReason: z.infer<typeof EndReason> | null;
  rating: number | null;
}

interface Call {
  record: CallRecord;
  queued: QueuedCall;
  kiosk: WebSocket;
  helper: WebSocket | null;
}

export interface RemoteHelpHub {
  calls(): readonly CallRecord[];
  /** Drop every connection (a network cut in tests): both ends see their socket close. */
  dropAll(): void;
  close(): Promise<void>;
}

export function attachRemoteHelpHub(server: Server, deps: HubDeps): RemoteHelpHub {
  const now = deps.now ?? Date.now;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const terminalOf = new Map<WebSocket, string>();
  const helpers = new Map<string, { ws: WebSocket; info: HelperInfo }>();
  const calls = new Map<string, Call>();
  const records: CallRecord[] = [];

  const send = (ws: WebSocket | null, message: ServerMessage) => {
    if (ws && ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const waiting = () => [...calls.values()].filter((c) => c.helper === null).sort((a, b) => a.record.requestedAt - b.record.requestedAt);
  const broadcastQueue = () => {
    const message: ServerMessage = { type: 'queue', calls: waiting().map((c) => c.queued), at: new Date(now()).toISOString() };
    for (const ws of new Set([...helpers.values()].map((h) => h.ws))) send(ws, message);
  };
  const end = (call: Call, reason: z.infer<typeof EndReason>, from: WebSocket | null) => {
    const t = now();
    call.record.endedAt = t;
    call.record.endReason = reason;
    const answered = call.record.answeredAt;
    const message: ServerMessage = {
      type: 'call.ended', callId: call.record.callId, reason,
      handledMs: answered === null ? 0 : t - answered,
      waitedMs: (answered ?? t) - call.record.requestedAt,
    };
    for (const ws of [call.kiosk, call.helper]) if (ws !== from) send(ws, message);
    // The rating may still come after the end; the call stays findable by the kiosk for that.
    calls.delete(call.record.callId);
    broadcastQueue();
  };
  const refuse = (ws: WebSocket, code: z.infer<typeof ErrorCode>, message: string, callId?: string) =>
    send(ws, { type: 'error', code, message, ...(callId ? { callId } : {}) });

  function onMessage(ws: WebSocket, terminalId: string, data: string) {
    const msg = parseFrame(ClientMessage, data);
    if (!msg) return refuse(ws, 'bad_message', 'not a remote-help message');
    switch (msg.type) {
      case 'helper.available': {
        const info = deps.clerkOf(msg.clerkToken);
        if (!info) return refuse(ws, 'unauthorized', 'clerk session unknown or expired');
        if (msg.available) helpers.set(info.staffId, { ws, info });
        else helpers.delete(info.staffId);
        send(ws, { type: 'helper.status', staffId: info.staffId, available: msg.available });
        if (msg.available) send(ws, { type: 'queue', calls: waiting().map((c) => c.queued), at: new Date(now()).toISOString() });
        return;
      }
      case 'call.request': {
        if (calls.has(msg.callId)) return refuse(ws, 'bad_message', 'call id in use', msg.callId);
        const t = now();
        const record: CallRecord = { callId: msg.callId, terminalId, staffId: null, requestedAt: t, answeredAt: null, endedAt: null, endReason: null, rating: null };
        const queued: QueuedCall = { callId: msg.callId, terminalId, centreName: msg.centreName, language: msg.language, media: msg.media, requestedAt: new Date(t).toISOString() };
        calls.set(msg.callId, { record, queued, kiosk: ws, helper: null });
        records.push(record);
        send(ws, { type: 'call.queued', callId: msg.callId, position: waiting().length, helpersAvailable: helpers.size });
        return broadcastQueue();
      }
      case 'call.answer': {
        const info = deps.clerkOf(msg.clerkToken);
        if (!info) return refuse(ws, 'unauthorized', 'clerk session unknown or expired', msg.callId);
        const call = calls.get(msg.callId);
        if (!call) return refuse(ws, 'unknown_call', 'no such call waiting', msg.callId);
        if (call.helper) return refuse(ws, 'call_taken', 'another clerk answered', msg.callId);
        call.helper = ws;
        call.record.staffId = info.staffId;
        call.record.answeredAt = now();
        send(call.kiosk, { type: 'call.answered', callId: msg.callId, helper: info });
        send(ws, { type: 'call.joined', callId: msg.callId, staffId: info.staffId, call: call.queued });
        return broadcastQueue();
      }
      case 'call.rate': {
        const record = records.find((r) => r.callId === msg.callId && r.terminalId === terminalId);
        if (!record || record.answeredAt === null) return refuse(ws, 'unknown_call', 'no answered call to rate', msg.callId);
        if (record.rating !== null) return;
        record.rating = msg.level;
        const helper = record.staffId ? helpers.get(record.staffId) : undefined;
        return send(helper?.ws ?? null, { type: 'call.rated', callId: msg.callId, level: msg.level });
      }
      default: {
        const call = calls.get(msg.callId);
        if (!call) return refuse(ws, 'unknown_call', 'no such call', msg.callId);
        const side = ws === call.kiosk ? 'kiosk' : ws === call.helper ? 'helper' : null;
        if (!side) return refuse(ws, 'not_in_call', 'this terminal is not in the call', msg.callId);
        if (msg.type === 'call.cancel' || msg.type === 'call.end') return end(call, msg.type === 'call.cancel' ? 'resident' : msg.reason, ws);
        const other = side === 'kiosk' ? call.helper : call.kiosk;
        if (!other) return refuse(ws, 'not_in_call', 'nobody has answered yet', msg.callId);
        // The view goes only from the kiosk; pointing, suggesting and pre-checking only from the clerk.
        if (msg.type === 'call.help') {
          const k = msg.help.kind;
          if ((k === 'view') !== (side === 'kiosk') && k !== 'chat') return refuse(ws, 'bad_message', `${k} is not sent by the ${side}`, msg.callId);
          return send(other, { type: 'call.help', callId: msg.callId, help: msg.help });
        }
        return send(other, { type: 'call.signal', callId: msg.callId, signal: msg.signal });
      }
    }
  }

  function onClose(ws: WebSocket) {
    terminalOf.delete(ws);
    for (const [staffId, h] of helpers) if (h.ws === ws) helpers.delete(staffId);
    for (const call of [...calls.values()]) if (call.kiosk === ws || call.helper === ws) end(call, 'network', ws);
    broadcastQueue();
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '';
    if (url.split('?')[0] !== REMOTE_HELP_PATH) return; // another upgrade handler's, or none: left alone
    let terminalId: string;
    try {
      terminalId = deps.authenticate('GET', url, req.headers, Buffer.alloc(0));
    } catch {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      terminalOf.set(ws, terminalId);
      ws.on('message', (data, isBinary) => {
        if (isBinary) return refuse(ws, 'bad_message', 'text frames only');
        onMessage(ws, terminalId, data.toString('utf8'));
      });
      ws.on('close', () => onClose(ws));
      ws.on('error', () => ws.terminate());
      send(ws, { type: 'ready', terminalId });
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    calls: () => records,
    dropAll: () => {
      for (const ws of terminalOf.keys()) ws.terminate();
    },
    close: async () => {
      server.off('upgrade', onUpgrade);
      for (const ws of terminalOf.keys()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
