/** Call views shaped like contract/call/views.ts (pure data, types only). */
import type { CallView } from '../../contract/call/views';

export function callView(over: Partial<CallView> = {}): CallView {
  return {
    id: 'v1',
    consultId: 'c1',
    role: 'patient',
    caller: 'patient',
    state: 'ringing',
    endReason: null,
    endedBy: null,
    startedAt: '2024-05-01T08:00:00.000Z',
    answeredAt: null,
    endedAt: null,
    ringDeadline: new Date(Date.now() + 60_000).toISOString(),
    warnAt: null,
    limitAt: null,
    durationSeconds: 0,
    transport: 'webrtc',
    iceServers: [],
    ...over,
  };
}
