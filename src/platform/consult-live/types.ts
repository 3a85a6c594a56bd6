/** Something happened in a consult (a message, a state change): the page fetches what is new. */
export type LiveHandler = () => void;

export interface LiveOptions {
  /** One consult (the chat page) or, when absent, everything for this identity (lists). */
  consultId?: string;
  role: 'patient' | 'doctor';
  onChange: LiveHandler;
}

/** WATCH_FALLBACK_POLL_SECONDS, in ms: how often to ask when no push channel works. */
export const POLL_MS = 5000;

/** Polls every POLL_MS; returns the stop function. */
export function poll(onChange: LiveHandler): () => void {
  const timer = setInterval(onChange, POLL_MS);
  return () => clearInterval(timer);
}
