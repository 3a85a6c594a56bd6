import type { CallView } from '../../../contract/call/views';
import type { CallSignal } from '../call-live/types';
import { sendSignal, type SignalInput } from '../../services/call';
import { toServiceError } from '../../services/errors';
import type { LinkState, SignalFeed } from './types';

/** How long ICE may stay disconnected before the offering side restarts it. */
const RESTART_AFTER_MS = 2500;
/** How often one signal is tried when the server sheds load or the network drops it. */
const SEND_ATTEMPTS = 8;

export interface Peer {
  /** 切换摄像头: the outgoing video track, swapped without renegotiation. */
  replaceVideo(track: MediaStreamTrack): Promise<void>;
  close(): void;
}

/**
 * One WebRTC call (browser): the local stream goes out, the remote one comes in through
 * `onRemote`. The side that was rung makes the offer once its channel is open — the caller
 * has been listening since it rang. Signals go
 * up one at a time (POST /api/call signal, in order) and come down as SSE `signal` events
 * through the page's feed, which kept any that came before the media was ready.
 * On a network change the offering side restarts ICE (a new offer with iceRestart).
 */
export function connectPeer(
  call: CallView,
  local: MediaStream,
  signals: SignalFeed,
  onRemote: (stream: MediaStream) => void,
  onLink: (state: LinkState) => void,
): Peer {
  const pc = new RTCPeerConnection({ iceServers: call.iceServers });
  const offering = call.role !== call.caller;
  let closed = false;
  let outbox: Promise<unknown> = Promise.resolve();
  const early: RTCIceCandidateInit[] = [];
  let restartTimer: ReturnType<typeof setTimeout> | undefined;

  // A busy server sheds a request (RATE_LIMITED with retryAfterSeconds, before any handler
  // runs) and a network change drops one: those are sent again, in order; an ended call's
  // refusal is not (the call event says why).
  const deliver = async (input: SignalInput) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await sendSignal(input);
      } catch (e) {
        const err = toServiceError(e);
        const shed = err.code === 'RATE_LIMITED' && err.details?.reason !== 'too_many_signals';
        const lost = err.details?.transport === 'network';
        if (closed || attempt >= SEND_ATTEMPTS || !(shed || lost)) return null;
        const wait = Number(err.details?.retryAfterSeconds ?? 0.5) * 1000;
        await new Promise((r) => setTimeout(r, Math.min(wait, 3000)));
      }
    }
  };
  const send = (signal: Omit<SignalInput, 'callId'>) => {
    outbox = outbox
      .then(() => (closed ? null : deliver({ callId: call.id, ...signal } as SignalInput)))
      .catch(() => undefined);
  };
  const offer = async (iceRestart: boolean) => {
    if (closed || !offering || pc.signalingState === 'closed') return;
    const description = await pc.createOffer({ iceRestart });
    await pc.setLocalDescription(description);
    send({ kind: 'offer', payload: { sdp: description.sdp ?? '' } });
  };
  const restart = () => void offer(true).catch(() => onLink('failed'));

  for (const track of local.getTracks()) pc.addTrack(track, local);
  pc.ontrack = (e) => onRemote(e.streams[0] ?? new MediaStream([e.track]));
  pc.onicecandidate = (e) => {
    if (!e.candidate || !e.candidate.candidate) return;
    const { candidate, sdpMid, sdpMLineIndex, usernameFragment } = e.candidate.toJSON();
    send({
      kind: 'candidate',
      payload: {
        candidate: candidate ?? '',
        sdpMid: sdpMid ?? null,
        sdpMLineIndex: sdpMLineIndex ?? null,
        usernameFragment: usernameFragment ?? null,
      },
    });
  };
  pc.oniceconnectionstatechange = () => {
    const state = pc.iceConnectionState;
    clearTimeout(restartTimer);
    if (state === 'connected' || state === 'completed') onLink('live');
    else if (state === 'disconnected') {
      onLink('poor');
      if (offering) restartTimer = setTimeout(restart, RESTART_AFTER_MS);
    } else if (state === 'failed') {
      onLink('poor');
      if (offering) restart();
    }
  };

  const receive = async (s: CallSignal) => {
    if (s.callId !== call.id || closed) return;
    if (s.kind === 'offer' || s.kind === 'answer') {
      await pc.setRemoteDescription({ type: s.kind, sdp: String(s.payload.sdp) });
      for (const c of early.splice(0)) await pc.addIceCandidate(c).catch(() => undefined);
      if (s.kind === 'offer') {
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        send({ kind: 'answer', payload: { sdp: answer.sdp ?? '' } });
      }
    } else if (pc.remoteDescription) {
      await pc.addIceCandidate(s.payload as RTCIceCandidateInit).catch(() => undefined);
    } else {
      early.push(s.payload as RTCIceCandidateInit);
    }
  };
  let inbox: Promise<void> = Promise.resolve();
  const stopListening = signals.listen((s) => {
    inbox = inbox.then(() => receive(s)).catch(() => undefined);
  });
  // The offer once our channel is open (the answer must find us listening); a reopened
  // channel means the network came back: restart ICE.
  void signals.opened.then(() => offer(false)).catch(() => onLink('failed'));
  const stopReopen = signals.onReopen(restart);
  // Back online: media that never stopped (ICE still connected) is live again at once; the
  // offering side restarts ICE anyway, for paths the change broke.
  const online = () => {
    const state = pc.iceConnectionState;
    if (state === 'connected' || state === 'completed') onLink('live');
    restart();
  };
  const offline = () => onLink('poor');
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);

  return {
    async replaceVideo(track) {
      const sender = pc.getSenders().find((x) => x.track?.kind === 'video');
      await sender?.replaceTrack(track);
    },
    close() {
      closed = true;
      clearTimeout(restartTimer);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      stopListening();
      stopReopen();
      pc.close();
    },
  };
}
