import { reloadConsent, syncPending } from './consent';
import { checkWxPrivacy, listenForWxPrivacy } from './wx-privacy';

/**
 * At launch (POL): read the stored decision (a record for another policy version counts
 * as none, so the sheet asks again), retry a consent change the server missed, and
 * attach WeChat's privacy prompts to our popup. In browse-only mode nothing is sent.
 */
export function startPrivacy(): void {
  reloadConsent();
  listenForWxPrivacy();
  void syncPending();
  void checkWxPrivacy();
}
