import { needsAuthorization, onNeedAuthorization } from '../platform/privacy';
import type { PrivacyRequest } from '../platform/privacy/types';
import { createStore } from '../utils/store';
import { getConsent } from './consent';

/**
 * WeChat's privacy authorization, shown in our own popup (POL). It opens when WeChat asks
 * (onNeedPrivacyAuthorization: a privacy API is waiting), or at launch when the user has
 * agreed to our policy but WeChat's record says it still needs agreement (getPrivacySetting).
 */
export interface WxPrivacyState {
  request: PrivacyRequest | null;
  needed: boolean;
}

export const wxPrivacy = createStore<WxPrivacyState>({ request: null, needed: false });

let listening = false;

export function listenForWxPrivacy(): void {
  if (listening) return;
  listening = true;
  onNeedAuthorization((request) => wxPrivacy.set({ ...wxPrivacy.get(), request }));
}

/** In browse-only mode no privacy API runs, so there is nothing to ask. */
export async function checkWxPrivacy(): Promise<void> {
  if (getConsent().status !== 'agreed') return;
  if (await needsAuthorization()) wxPrivacy.set({ ...wxPrivacy.get(), needed: true });
}

/** The user answered; a waiting API continues (agree) or fails (disagree). */
export function answerWxPrivacy(agreed: boolean, buttonId: string): void {
  const { request } = wxPrivacy.get();
  if (request) {
    if (agreed) request.agree(buttonId);
    else request.disagree();
  }
  wxPrivacy.set({ request: null, needed: false });
}
