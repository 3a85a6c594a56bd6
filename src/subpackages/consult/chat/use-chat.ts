import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribeConsult } from '../../../platform/consult-live';
import {
  consultErrorText,
  getConsult,
  listMessages,
  newClientMsgId,
  sendMessage,
  type ConsultViewData,
  type MessageData,
} from '../../../services/consult';
import { toServiceError, type ServiceError } from '../../../services/errors';

/** A message of mine not yet confirmed by the server; a failed one keeps its clientMsgId. */
export interface Pending {
  clientMsgId: string;
  content: { text: string } | { imageKey: string; preview: string };
  state: 'sending' | 'failed';
  error: string | null;
}

/**
 * One consult's chat: the consult, its messages in seq order, live updates (SSE / watch,
 * polling as the fallback) and sending with resend. A resend reuses the clientMsgId, so a
 * message whose answer was lost is not posted twice.
 */
export function useChat(consultId: string) {
  const [consult, setConsult] = useState<ConsultViewData | null>(null);
  const [loadError, setLoadError] = useState<ServiceError | null>(null);
  const [messages, setMessages] = useState<MessageData[]>([]);
  const [pending, setPending] = useState<Pending[]>([]);
  const lastSeq = useRef(0);
  const fetching = useRef<Promise<void> | null>(null);

  const merge = useCallback((items: MessageData[]) => {
    if (items.length === 0) return;
    lastSeq.current = Math.max(lastSeq.current, ...items.map((m) => m.seq));
    setMessages((list) => {
      const byId = new Map(list.map((m) => [m.id, m]));
      for (const m of items) byId.set(m.id, m);
      return [...byId.values()].sort((a, b) => a.seq - b.seq);
    });
    const mine = new Set(items.map((m) => m.clientMsgId).filter(Boolean));
    setPending((list) => list.filter((p) => !mine.has(p.clientMsgId)));
  }, []);

  const again = useRef(false);
  /**
   * Everything after the newest message we hold (also clears our unread count). News that
   * arrives while a fetch is running triggers one more fetch afterwards, so none is lost.
   */
  const fetchNew = useCallback((): Promise<void> => {
    if (fetching.current) {
      again.current = true;
      return fetching.current;
    }
    fetching.current = (async () => {
      do {
        again.current = false;
        try {
          for (let page = 0; page < 20; page++) {
            const res = await listMessages({ consultId, after: lastSeq.current });
            merge(res.items);
            if (!res.hasMore) break;
          }
        } catch {
          // The next event or poll tries again.
        }
      } while (again.current);
      fetching.current = null;
    })();
    return fetching.current;
  }, [consultId, merge]);

  const refresh = useCallback(async () => {
    try {
      const c = await getConsult({ consultId });
      setConsult(c);
      setLoadError(null);
      await fetchNew();
    } catch (e) {
      setLoadError(toServiceError(e));
    }
  }, [consultId, fetchNew]);

  const role = consult?.role;
  useEffect(() => {
    if (!consultId || !role) return undefined;
    // A message event brings news; a status event changes the banner: fetch both, cheaply.
    return subscribeConsult({
      consultId,
      role,
      onChange: () => {
        void fetchNew();
        void getConsult({ consultId })
          .then(setConsult)
          .catch(() => undefined);
      },
    });
  }, [consultId, role, fetchNew]);

  const deliver = useCallback(
    async (p: Pending) => {
      setPending((list) =>
        list.map((x) =>
          x.clientMsgId === p.clientMsgId ? { ...x, state: 'sending', error: null } : x,
        ),
      );
      try {
        const content =
          'text' in p.content ? { text: p.content.text } : { imageKey: p.content.imageKey };
        const message = await sendMessage({ consultId, clientMsgId: p.clientMsgId, ...content });
        merge([message]);
      } catch (e) {
        setPending((list) =>
          list.map((x) =>
            x.clientMsgId === p.clientMsgId
              ? { ...x, state: 'failed', error: consultErrorText(e) }
              : x,
          ),
        );
      }
    },
    [consultId, merge],
  );

  const send = useCallback(
    (content: Pending['content']) => {
      const p: Pending = { clientMsgId: newClientMsgId(), content, state: 'sending', error: null };
      setPending((list) => [...list, p]);
      return deliver(p);
    },
    [deliver],
  );

  return { consult, setConsult, loadError, messages, pending, refresh, send, resend: deliver };
}
