import type { CallView } from '../../../contract/call/views';
import type { SignalKind } from '../../../contract/call/items';

/** WebRTC signalling from the other participant (local only), as the server relayed it. */
export interface CallSignal {
  callId: string;
  from: 'patient' | 'doctor';
  seq: number;
  kind: SignalKind;
  payload: Record<string, unknown>;
}

export interface CallLiveOptions {
  /** One consult's calls (the chat and call pages) or, when absent, all of mine (workbench). */
  consultId?: string;
  role: 'patient' | 'doctor';
  /**
   * A call changed. `view` comes with the news where the channel carries it (SSE); where it
   * only rings the doorbell (WeChat's watch) it is absent and the page asks `call.get`.
   */
  onCall: (callId: string, view?: CallView) => void;
  /** WebRTC only: signalling for a call of mine. */
  onSignal?: (signal: CallSignal) => void;
  /** The channel is open; `reopened` after a reconnect (something may have been missed). */
  onOpen?: (reopened: boolean) => void;
}
