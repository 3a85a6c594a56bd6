/** A registered user on the real back end, as the weapp tests need one before a page loads. */
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import type { WeappBackend } from './backend';

export const PHONE = '13812345678';

/** 同意 the policy, then register with `phone` through the real SMS path (the captured code). */
export async function registerOnBackend(backend: WeappBackend, phone = PHONE): Promise<void> {
  await backend.call('privacy', 'recordConsent', { policyVersion: POLICY_VERSION });
  await backend.call('user', 'sendCode', { purpose: 'register', phone });
  await backend.call('user', 'register', { phone, code: backend.lastCode(phone) });
  // Past the resend wait, so the page may ask for a new code.
  backend.env.clock.advance(61_000);
}
