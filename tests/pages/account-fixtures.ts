/**
 * Account states as the user function answers them (contract/user.ts), and a tiny real
 * PNG for uploads. The phone only ever arrives masked.
 */
import type { AccountState, IdentityView, LoginDevice, Profile } from '../../contract/user';
import { account } from '../../src/session/session';

export function profile(over: Partial<Profile> = {}): Profile {
  return { nickname: '助医用户1234', avatarUrl: null, phoneMasked: '138****8000', ...over };
}

export function loggedIn(over: Partial<Profile> = {}): AccountState {
  return {
    registered: true,
    loggedIn: true,
    profile: profile(over),
    session: { trusted: true },
  };
}

export function loggedOut(registered = false): AccountState {
  return {
    registered,
    loggedIn: false,
    profile: null,
    session: { trusted: false, reason: 'login_required' },
  };
}

export function newDevice(): AccountState {
  return {
    registered: true,
    loggedIn: true,
    profile: null,
    session: { trusted: false, reason: 'new_device' },
  };
}

export function device(over: Partial<LoginDevice> = {}): LoginDevice {
  return {
    deviceId: 'a'.repeat(32),
    model: 'iPhone 14',
    system: 'iOS 17.1',
    platform: 'ios',
    brand: 'Apple',
    screen: { width: 390, height: 844 },
    firstSeen: '2024-05-01T08:00:00.000Z',
    lastSeen: '2024-05-03T09:30:00.000Z',
    trusted: true,
    current: true,
    ...over,
  };
}

export function identity(over: Partial<IdentityView> = {}): IdentityView {
  return {
    status: 'none',
    nameMasked: null,
    idMasked: null,
    verifier: null,
    submittedAt: null,
    consentAt: null,
    ...over,
  };
}

/** A 1×1 PNG: the bytes start with the PNG signature, as the server checks. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Every test starts knowing nothing about the account (as a fresh launch). */
export function forgetAccount(): void {
  account.set(null);
}
