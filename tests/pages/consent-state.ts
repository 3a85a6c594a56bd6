/**
 * What the server's privacy actions answer with. Pure data (types only), so the weapp tests
 * share it with the pages tests.
 */
import type { ConsentState } from '../../contract/privacy/consent';
import { POLICY_VERSION } from '../../contract/privacy/policy';

export function serverState(over: Partial<ConsentState> = {}): ConsentState {
  return {
    policyVersion: POLICY_VERSION,
    policy: true,
    device: false,
    analytics: false,
    thirdParty: { trtc: false },
    health: false,
    guardian: false,
    sensitiveVersions: {},
    at: '2024-05-01T08:00:00.000Z',
    ...over,
  };
}
