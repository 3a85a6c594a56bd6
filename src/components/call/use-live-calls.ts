import { useEffect, useRef, useState } from 'react';
import { subscribeCalls } from '../../platform/call-live';
import { getCall, type CallViewData } from '../../services/call';

/**
 * The calls of mine that ring or run right now, live (SSE in the browser, a watch on WeChat):
 * for the whole workbench or one consult. Ended calls drop out (and `onEnded` runs: the
 * consult's call timeline has a new line).
 */
export function useLiveCalls(
  role: 'patient' | 'doctor' | undefined,
  consultId?: string,
  onEnded?: () => void,
) {
  const [calls, setCalls] = useState<CallViewData[]>([]);
  const ended = useRef(onEnded);
  ended.current = onEnded;
  useEffect(() => {
    if (!role) return undefined;
    let gone = false;
    const put = (view: CallViewData) => {
      if (gone) return;
      setCalls((list) => {
        const rest = list.filter((c) => c.id !== view.id);
        return view.state === 'ended' ? rest : [...rest, view];
      });
      if (view.state === 'ended') ended.current?.();
    };
    const stop = subscribeCalls({
      consultId,
      role,
      onCall: (callId, view) => {
        if (view) put(view);
        else
          void getCall({ callId })
            .then(put)
            .catch(() => undefined);
      },
    });
    return () => {
      gone = true;
      stop();
    };
  }, [role, consultId]);
  return calls;
}

/** A call ringing for me (I am the side that was rung). */
export const ringingFor = (calls: CallViewData[]) =>
  calls.find((c) => c.state === 'ringing' && c.role !== c.caller) ?? null;
