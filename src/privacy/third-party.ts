import { THIRD_PARTY_SERVICES, type ThirdPartyService } from '../../contract/privacy/consent-items';
import { createStore } from '../utils/store';
import { hasConsent, setConsentItem } from './consent';
import { requirePolicy } from './require-policy';

/** A third-party service asking for its consent; the sheet resolves it. */
export interface ThirdPartyAsk {
  service: ThirdPartyService;
  answer: (agreed: boolean) => void;
}

export const thirdPartyAsk = createStore<ThirdPartyAsk | null>(null);

/**
 * TPS: a feature that hands the account name/avatar to a third party (video consultation
 * → 腾讯云实时音视频) calls this first. Resolves true only once the user agreed for that
 * service; declining refuses cleanly and disables nothing else.
 */
export async function requireThirdPartyConsent(service: ThirdPartyService): Promise<boolean> {
  const { feature } = THIRD_PARTY_SERVICES[service];
  if (!(await requirePolicy(feature))) return false;
  if (hasConsent(`thirdParty.${service}`)) return true;
  const agreed = await new Promise<boolean>((resolve) => {
    // A request still open (another tap) is answered "no" rather than left hanging.
    thirdPartyAsk.get()?.answer(false);
    thirdPartyAsk.set({
      service,
      answer: (yes) => {
        thirdPartyAsk.set(null);
        resolve(yes);
      },
    });
  });
  if (!agreed) return false;
  // Effective on the device at once; the server hears of it in the background.
  void setConsentItem(`thirdParty.${service}`, true);
  return true;
}
