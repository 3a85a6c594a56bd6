import type { AccountState, Profile } from '../../contract/user';
import type { DeviceFacts as WireDevice } from '../../contract/user/schemas';
import { forgetConsent, getConsent } from '../privacy/consent';
import * as user from '../services/user';
import { createStore } from '../utils/store';
import { deviceForLogin, forgetDeviceId } from './device';

/**
 * Where this user stands with their account (REG, DEV), shared by every page: null until
 * the first `me` answers. In browse-only mode `me` is never called — there is no account
 * to ask about without the policy — and the state stays null.
 */
export const account = createStore<AccountState | null>(null);

export const isTrusted = (state: AccountState | null): boolean =>
  state?.loggedIn === true && state.session.trusted;

export const needsDeviceCheck = (state: AccountState | null): boolean =>
  state?.loggedIn === true && state.session.reason === 'new_device';

/** `{ device }` for me and the login actions, or nothing without the 设备信息 consent (DEV). */
export async function withDevice(): Promise<{ device?: WireDevice }> {
  const device = await deviceForLogin();
  return device ? { device } : {};
}

let inflight: Promise<AccountState> | null = null;

/** Asks the server (`me`, with the device facts when consented); concurrent calls share one. */
export function refreshAccount(): Promise<AccountState | null> {
  if (getConsent().status !== 'agreed') return Promise.resolve(null);
  inflight ??= (async () => {
    try {
      const state = await user.me(await withDevice());
      account.set(state);
      return state;
    } finally {
      inflight = null;
    }
  })();
  return inflight;
}

/** A login action answered: remember where we stand. */
export function setAccount(state: AccountState): AccountState {
  account.set(state);
  return state;
}

/** The profile changed (nickname, avatar): 我的 shows it without another round trip. */
export function setProfile(profile: Profile): void {
  const state = account.get();
  if (state?.profile) account.set({ ...state, profile });
}

/** The server says the login is gone (UNAUTHENTICATED): forget it here too. */
export function forgetLogin(): void {
  const state = account.get();
  account.set({
    registered: state?.registered ?? false,
    loggedIn: false,
    profile: null,
    session: { trusted: false, reason: 'login_required' },
  });
}

/**
 * DEL: the account is deleted. Everything this device kept for it goes too — the login,
 * the privacy decision (POL; the policy is asked again) and the device id (DEV) — so the
 * next use of the app starts as a stranger's would.
 */
export function forgetDeletedAccount(): void {
  account.set(null);
  forgetConsent();
  forgetDeviceId();
}

export async function logout(): Promise<AccountState> {
  return setAccount(await user.logout());
}
