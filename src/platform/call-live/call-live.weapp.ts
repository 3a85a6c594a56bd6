import Taro from '@tarojs/taro';
import { ensureCloud } from '../cloud';
import type { CallLiveOptions } from './types';

interface Watcher {
  close: () => Promise<unknown> | void;
}
interface Snapshot {
  docChanges?: Array<{ doc?: { _id?: unknown } }>;
}

/**
 * WeChat: a watch on `calls` is the doorbell (database-rules.json lets each participant read
 * their own calls; the query must name the caller '{openid}'); the page then asks call.get.
 * Without a consult (the workbench) only ringing calls are watched, so the first snapshot is
 * small. TRTC carries the media, so there is no signalling here (onSignal is never called).
 */
export function subscribeCalls({ consultId, role, onCall, onOpen }: CallLiveOptions): () => void {
  let watcher: Watcher | null = null;
  let opened = false;
  try {
    ensureCloud();
    const me: Record<string, string> =
      role === 'patient' ? { patientOpenid: '{openid}' } : { doctorOpenid: '{openid}' };
    const where = consultId ? { consultId, ...me } : { ...me, state: 'ringing' };
    watcher = Taro.cloud
      .database()
      .collection('calls')
      .where(where)
      .watch({
        onChange: (result) => {
          const snapshot = result as unknown as Snapshot;
          onOpen?.(opened);
          opened = true;
          for (const change of snapshot.docChanges ?? []) {
            const id = change.doc?._id;
            if (typeof id === 'string') onCall(id);
          }
        },
        onError: () => undefined,
      }) as unknown as Watcher;
  } catch {
    // No cloud (DevTools without an env): the page still works from its own reads.
  }
  return () => {
    if (watcher) void Promise.resolve(watcher.close()).catch(() => undefined);
  };
}

export type { CallLiveOptions, CallSignal } from './types';
