import { CONSULT_EVENTS_PATH } from '../../../contract/consult/items';
import type { CallView } from '../../../contract/call/views';
import type { CallLiveOptions, CallSignal } from './types';

/** After the server refused the stream (EventSource stops retrying by itself then). */
const RECONNECT_MS = 2000;

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}

/**
 * Browser: the local server's SSE stream carries `call` events (the viewer's CallView) and
 * `signal` events (WebRTC signalling from the other side) — SSE down, POST /api/call up
 * (docs/video.md says why not a WebSocket). EventSource reconnects by itself after a drop,
 * and we reconnect after a refusal; `onOpen(true)` then lets the page catch up (get the
 * call, restart ICE).
 */
export function subscribeCalls({
  consultId,
  onCall,
  onSignal,
  onOpen,
}: CallLiveOptions): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const url = consultId
    ? `${CONSULT_EVENTS_PATH}?consultId=${encodeURIComponent(consultId)}`
    : CONSULT_EVENTS_PATH;
  let opened = false;
  let stopped = false;
  let source: EventSource;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    source = new EventSource(url);
    source.addEventListener('call', (e) => {
      const data = parse<{ call: CallView }>(e);
      if (data?.call) onCall(data.call.id, data.call);
    });
    source.addEventListener('signal', (e) => {
      const data = parse<CallSignal>(e);
      if (data && onSignal) onSignal(data);
    });
    source.onopen = () => {
      onOpen?.(opened);
      opened = true;
    };
    // EventSource gives up for good on an error status (a busy server's 503): try again.
    source.onerror = () => {
      if (stopped || source.readyState !== EventSource.CLOSED) return;
      retry = setTimeout(connect, RECONNECT_MS);
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source.close();
  };
}

export type { CallLiveOptions, CallSignal } from './types';
