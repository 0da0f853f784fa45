// One side of a remote-help call in the browser's own WebRTC stack (Chromium in the browser shell, Electron's in
// the app). Media goes browser to browser; the signalling goes through main and the platform (help:signal /
// helper:signal). The camera and microphone are asked for only while the call screen is mounted (the window
// claims the call screen first: Electron grants media only then) and every track is stopped when it unmounts.
// Without a camera the call falls back to audio, without a microphone to text chat.
import { useEffect, useRef, useState } from 'react';
import type { HelpMedia, HelpSignal } from '@easydo/core/contract/schemas/remote-help';
import { useTerminal } from '../terminal-context';

export interface PeerCallOptions {
  /** The kiosk offers once the clerk's side says it is ready (a `media` signal); the counter answers. */
  role: 'offerer' | 'answerer';
  send(signal: HelpSignal): void;
  /** Subscribe to the other side's signals; returns the unsubscribe. */
  subscribe(listener: (signal: HelpSignal) => void): () => void;
  /** What the resident or clerk asked for (chat: no media at all). */
  want: HelpMedia;
}

export interface PeerCall {
  local: MediaStream | null;
  remote: MediaStream | null;
  /** RTCPeerConnection.connectionState, or 'chat' when no media is exchanged. */
  connection: RTCPeerConnectionState | 'chat' | 'starting';
  /** What this side could actually open. */
  media: HelpMedia;
  /** What the other side could open. */
  remoteMedia: HelpMedia | null;
  /** Whether this side holds a live camera track right now. */
  cameraLive: boolean;
}

async function openMedia(want: HelpMedia): Promise<{ stream: MediaStream | null; media: HelpMedia }> {
  const md = navigator.mediaDevices;
  if (want === 'chat' || !md?.getUserMedia) return { stream: null, media: 'chat' };
  if (want === 'video') {
    try {
      return { stream: await md.getUserMedia({ video: { width: 640, height: 480 }, audio: true }), media: 'video' };
    } catch {
      /* no camera (or refused): try the microphone alone */
    }
  }
  try {
    return { stream: await md.getUserMedia({ audio: true }), media: 'audio' };
  } catch {
    return { stream: null, media: 'chat' };
  }
}

export function usePeerCall(options: PeerCallOptions): PeerCall {
  const api = useTerminal();
  const [state, setState] = useState<PeerCall>({ local: null, remote: null, connection: 'starting', media: options.want, remoteMedia: null, cameraLive: false });
  const opts = useRef(options);
  opts.current = options;

  useEffect(() => {
    let stopped = false;
    let pc: RTCPeerConnection | null = null;
    let stream: MediaStream | null = null;
    let offered = false;
    let own: HelpMedia | null = null;
    const pending: HelpSignal[] = [];
    const early: RTCIceCandidateInit[] = [];
    const update = (patch: Partial<PeerCall>) => !stopped && setState((s) => ({ ...s, ...patch }));
    const cameraLive = () => stream?.getVideoTracks().some((t) => t.readyState === 'live') ?? false;

    const offer = async () => {
      if (!pc || offered) return;
      offered = true;
      const o = await pc.createOffer();
      await pc.setLocalDescription(o);
      opts.current.send({ kind: 'offer', sdp: o.sdp ?? '' });
    };
    const handle = async (signal: HelpSignal) => {
      if (stopped) return;
      if (signal.kind === 'media') {
        update({ remoteMedia: signal.media });
        if (opts.current.role === 'offerer' && signal.media !== 'chat' && own !== null && own !== 'chat') await offer();
        // The offerer came up after this side said it was ready: say it again, so it offers.
        if (opts.current.role === 'answerer' && own !== null && !pc?.remoteDescription) opts.current.send({ kind: 'media', media: own });
        return;
      }
      if (!pc) return;
      if (signal.kind === 'offer') {
        await pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
        const a = await pc.createAnswer();
        await pc.setLocalDescription(a);
        opts.current.send({ kind: 'answer', sdp: a.sdp ?? '' });
      } else if (signal.kind === 'answer') {
        await pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
      } else if (signal.kind === 'ice') {
        const c = { candidate: signal.candidate, sdpMid: signal.sdpMid, sdpMLineIndex: signal.sdpMLineIndex };
        if (!pc.remoteDescription) early.push(c);
        else await pc.addIceCandidate(c);
        return;
      }
      for (const c of early.splice(0)) await pc.addIceCandidate(c);
    };
    const unsubscribe = opts.current.subscribe((signal) => {
      if (own === null) pending.push(signal);
      else void handle(signal).catch(() => undefined);
    });

    void (async () => {
      await api.invoke('help:callScreen', { active: true });
      // The hall's STUN/TURN servers (none configured: host candidates only, enough on one network).
      const ice = await api.invoke('help:iceServers', {});
      const iceServers: RTCIceServer[] = ice.ok ? ice.value.map((s) => ({ urls: s.urls, ...(s.username ? { username: s.username } : {}), ...(s.credential ? { credential: s.credential } : {}) })) : [];
      const opened = await openMedia(opts.current.want);
      if (stopped) {
        opened.stream?.getTracks().forEach((t) => t.stop());
        return;
      }
      stream = opened.stream;
      update({ local: stream, media: opened.media, cameraLive: cameraLive(), connection: opened.media === 'chat' ? 'chat' : 'new' });
      if (opened.media !== 'chat') {
        pc = new RTCPeerConnection({ iceServers });
        const remote = new MediaStream();
        for (const track of stream!.getTracks()) pc.addTrack(track, stream!);
        // Receive both kinds even when this side sends only audio.
        if (opened.media === 'audio') pc.addTransceiver('video', { direction: 'recvonly' });
        pc.ontrack = (e) => {
          remote.addTrack(e.track);
          update({ remote });
        };
        pc.onicecandidate = (e) => {
          if (e.candidate) opts.current.send({ kind: 'ice', candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex });
        };
        pc.onconnectionstatechange = () => update({ connection: pc!.connectionState });
      }
      // Tell the other side what this side has: the answerer is ready for an offer from here on.
      own = opened.media;
      opts.current.send({ kind: 'media', media: opened.media });
      for (const s of pending.splice(0)) await handle(s).catch(() => undefined);
    })();

    return () => {
      stopped = true;
      unsubscribe();
      pc?.close();
      stream?.getTracks().forEach((t) => t.stop());
      void api.invoke('help:callScreen', { active: false });
    };
  }, [api]);

  return state;
}
