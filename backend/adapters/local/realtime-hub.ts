import type { ConsultEvent } from '../../../contract/consult/events';
import type { Realtime } from '../../ports/realtime';

export type RealtimeListener = (event: ConsultEvent) => void;

/** The local Realtime: an in-process hub the server's SSE streams subscribe to (server/realtime.ts). */
export interface LocalRealtime extends Realtime {
  /** Delivers every event published to `openid` until the returned function is called. */
  subscribe(openid: string, listener: RealtimeListener): () => void;
  /** Open subscriptions (all identities), for tests and the bench. */
  size(): number;
}

export function isLocalRealtime(realtime: Realtime | undefined): realtime is LocalRealtime {
  return typeof (realtime as Partial<LocalRealtime> | undefined)?.subscribe === 'function';
}

/**
 * Subscriptions by openid: publishing to one person touches only that person's listeners,
 * so nobody else's stream ever sees the event. One process only — a self-hosted server is
 * one process; scaling out is what CloudBase (and its database watch) is for.
 */
export function createLocalRealtime(onError?: (err: unknown) => void): LocalRealtime {
  const byOpenid = new Map<string, Set<RealtimeListener>>();
  let count = 0;
  return {
    publish(openid, event) {
      const listeners = byOpenid.get(openid);
      if (!listeners) return;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (err) {
          onError?.(err);
        }
      }
    },
    subscribe(openid, listener) {
      let set = byOpenid.get(openid);
      if (!set) byOpenid.set(openid, (set = new Set()));
      set.add(listener);
      count++;
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        count--;
        set.delete(listener);
        if (set.size === 0 && byOpenid.get(openid) === set) byOpenid.delete(openid);
      };
    },
    size: () => count,
  };
}
