/**
 * The consent decision as a returning user left it on the device (POL): written to the
 * fake Taro storage in the app's own record format, then re-read by the consent store.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { reloadConsent } from '../../src/privacy/consent';
import { noItems, STORAGE_KEY, type ConsentItems } from '../../src/privacy/record';
import { storage } from './taro-fake';

interface Options {
  items?: Partial<ConsentItems>;
  version?: string;
  synced?: boolean;
}

export function givenConsent(decision: 'agreed' | 'declined' | 'none', options: Options = {}) {
  if (decision === 'none') storage.delete(STORAGE_KEY);
  else {
    storage.set(STORAGE_KEY, {
      policyVersion: options.version ?? POLICY_VERSION,
      decision,
      at: '2024-05-01T08:00:00.000Z',
      items: { ...noItems(), ...options.items },
      synced: options.synced ?? true,
    });
  }
  reloadConsent();
}

export function storedConsent(): Record<string, unknown> | undefined {
  return storage.get(STORAGE_KEY) as Record<string, unknown> | undefined;
}

/** What the server's privacy actions answer with; pure, in its own file, for the weapp tests. */
export { serverState } from './consent-state';
