import type { CallSignal } from '../../../platform/call-live/types';
import type { SignalFeed } from '../../../platform/video-call/types';

/** A SignalFeed the page fills from its live channel (see platform/video-call/types.ts). */
export function createSignalFeed(callId: string) {
  const kept: CallSignal[] = [];
  let listener: ((s: CallSignal) => void) | null = null;
  const reopenListeners = new Set<() => void>();
  let markOpen: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (markOpen = resolve));

  const feed: SignalFeed = {
    listen(next) {
      listener = next;
      for (const s of kept.splice(0)) next(s);
      return () => {
        if (listener === next) listener = null;
      };
    },
    opened,
    onReopen(next) {
      reopenListeners.add(next);
      return () => reopenListeners.delete(next);
    },
  };
  return {
    feed,
    push(s: CallSignal) {
      if (s.callId !== callId) return;
      if (listener) listener(s);
      else kept.push(s);
    },
    open(reopened: boolean) {
      markOpen();
      if (reopened) reopenListeners.forEach((f) => f());
    },
  };
}
