import { CONSULT_EVENTS_PATH } from '../../../contract/consult/items';
import { poll, type LiveOptions } from './types';

/**
 * Browser: the local server's SSE stream (same origin; the session cookie authenticates).
 * Every `message`/`status`/`queue` event and every reconnect triggers a fetch of what is
 * new (listMessages {after}); without EventSource the page polls instead.
 */
export function subscribeConsult({ consultId, onChange }: LiveOptions): () => void {
  if (typeof EventSource === 'undefined') return poll(onChange);
  const url = consultId
    ? `${CONSULT_EVENTS_PATH}?consultId=${encodeURIComponent(consultId)}`
    : CONSULT_EVENTS_PATH;
  const source = new EventSource(url);
  let opened = false;
  const changed = () => onChange();
  source.addEventListener('message', changed);
  source.addEventListener('status', changed);
  source.addEventListener('queue', changed);
  // A reconnect may have missed events: catch up once it is open again.
  source.onopen = () => {
    if (opened) onChange();
    opened = true;
  };
  return () => source.close();
}
