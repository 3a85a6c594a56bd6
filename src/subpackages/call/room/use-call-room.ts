import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { subscribeCalls } from '../../../platform/call-live';
import type { LinkState } from '../../../platform/video-call/types';
import { createSignalFeed } from './signal-feed';
import { callErrorText, getCall, hangupCall, type CallViewData } from '../../../services/call';

const nowMs = () => Date.now();

/**
 * One call, live: the view from `call.get`, then every `call` event (or watch ring) for it;
 * a one-second tick for the timer, and a fresh `get` when a deadline passes (the server ends
 * an unanswered call there as 未接通, a call at its limit as 通话已达时长上限).
 */
export function useCallRoom(consultId: string, callId: string) {
  const [call, setCall] = useState<CallViewData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<LinkState>('connecting');
  const [now, setNow] = useState(nowMs);
  const latest = useRef<CallViewData | null>(null);
  // Signals are kept from the moment the page listens, before the media is ready.
  const signals = useMemo(() => createSignalFeed(callId), [callId]);

  const put = useCallback((view: CallViewData) => {
    // An ended call stays ended: a late event cannot bring it back.
    if (latest.current?.state === 'ended' && view.state !== 'ended') return;
    latest.current = view;
    setCall(view);
  }, []);
  const refresh = useCallback(async () => {
    try {
      put(await getCall({ callId }));
      setError(null);
    } catch (e) {
      setError(callErrorText(e));
    }
  }, [callId, put]);

  useEffect(() => {
    if (callId) void refresh();
  }, [callId, refresh]);
  // The watch on WeChat names my side, so it starts once the first answer says which.
  const role = call?.role;
  useEffect(() => {
    if (!callId || !role) return undefined;
    return subscribeCalls({
      consultId,
      role,
      onCall: (id, view) => {
        if (id !== callId) return;
        if (view) put(view);
        else void refresh();
      },
      onSignal: (signal) => signals.push(signal),
      onOpen: (reopened) => {
        signals.open(reopened);
        if (reopened) void refresh();
      },
    });
  }, [consultId, callId, role, put, refresh, signals]);

  useEffect(() => {
    const timer = setInterval(() => setNow(nowMs()), 1000);
    return () => clearInterval(timer);
  }, []);

  // A deadline passed (ring or limit): ask once; the server settles the call on read.
  const deadline = call?.state === 'ringing' ? call.ringDeadline : call?.limitAt;
  const due = deadline ? Date.parse(deadline) <= now : false;
  useEffect(() => {
    if (due && latest.current?.state !== 'ended') void refresh();
  }, [due, refresh]);

  const hangup = useCallback(async () => {
    try {
      put(await hangupCall({ callId }));
    } catch (e) {
      setError(callErrorText(e));
    }
  }, [callId, put]);

  return { call, error, link, setLink, setError, now, hangup, put, signals: signals.feed };
}
