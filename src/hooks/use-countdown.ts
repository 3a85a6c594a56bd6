import { useCallback, useEffect, useState } from 'react';

/**
 * Seconds left until a moment (the SMS resend wait): `start(seconds)` begins it, 0 means
 * done. Counted from the end time, so a throttled timer (a page in the background) does
 * not stretch the wait.
 */
export function useCountdown(): [number, (seconds: number) => void] {
  const [endsAt, setEndsAt] = useState(0);
  const [left, setLeft] = useState(0);

  useEffect(() => {
    if (endsAt === 0) return undefined;
    const tick = () => {
      const next = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(next);
      if (next === 0) setEndsAt(0);
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [endsAt]);

  const start = useCallback((seconds: number) => {
    setEndsAt(seconds > 0 ? Date.now() + seconds * 1000 : 0);
    if (seconds <= 0) setLeft(0);
  }, []);

  return [left, start];
}
