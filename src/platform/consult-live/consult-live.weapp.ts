import Taro from '@tarojs/taro';
import { ensureCloud } from '../cloud';
import { poll, type LiveOptions } from './types';

interface Watcher {
  close: () => Promise<unknown> | void;
}

/**
 * WeChat: a database watch is the doorbell, the function is the door — stored text is
 * ciphertext, so on each change the page calls listMessages/get. The query must name the
 * caller ('{openid}') for database-rules.json to let it read. If the watch fails (or is
 * unavailable), poll every WATCH_FALLBACK_POLL_SECONDS instead.
 */
export function subscribeConsult({ consultId, role, onChange }: LiveOptions): () => void {
  let stopPoll: (() => void) | null = null;
  const watchers: Watcher[] = [];
  const fallback = () => {
    stopPoll ??= poll(onChange);
  };
  try {
    ensureCloud();
    const db = Taro.cloud.database();
    const me: Record<string, string> =
      role === 'patient' ? { patientOpenid: '{openid}' } : { doctorOpenid: '{openid}' };
    const watch = (collection: string, where: Record<string, string>) => {
      let first = true;
      const w = db
        .collection(collection)
        .where(where)
        .watch({
          onChange: () => {
            // The first callback is the initial snapshot, not news.
            if (first) first = false;
            else onChange();
          },
          onError: fallback,
        }) as unknown as Watcher;
      watchers.push(w);
    };
    if (consultId) {
      watch('consultMessages', { consultId, ...me });
      watch('consults', { _id: consultId, ...me });
    } else {
      watch('consults', me);
    }
  } catch {
    fallback();
  }
  return () => {
    stopPoll?.();
    for (const w of watchers) void Promise.resolve(w.close()).catch(() => undefined);
  };
}
