import { useSyncExternalStore } from 'react';
import { getConsent, subscribe, type ConsentSnapshot } from './consent';

/** The consent state, re-rendering the component whenever the user changes it. */
export function useConsent(): ConsentSnapshot {
  return useSyncExternalStore(subscribe, getConsent, getConsent);
}
