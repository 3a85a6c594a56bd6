import { useConsent } from '../../privacy/use-consent';
import { ConsentSheet } from '../consent-sheet';
import { ThirdPartySheet } from './third-party-sheet';
import { WxPrivacyPopup } from './wx-privacy-popup';

/**
 * Rendered by every page, so the policy is asked on whichever page the app opens first
 * (home, or a shared doctor card), and WeChat's and third parties' prompts can appear
 * over any page.
 */
export function PrivacyHost() {
  const { status } = useConsent();
  return (
    <>
      {status === 'undecided' ? <ConsentSheet /> : <WxPrivacyPopup />}
      <ThirdPartySheet />
    </>
  );
}
