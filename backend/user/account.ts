import type { AccountState, Profile } from '../../contract/user';
import { maskPhone } from '../../contract/user/id-number';
import { LINK_TTL_SECONDS } from '../../contract/user/items';
import { USERS } from '../collections';
import { requireCaller } from '../core/auth';
import type { Caller, Ctx } from '../core/context';
import type { StoredDoc } from '../ports/document-store';
import { hasConsent } from '../privacy/consents';
import { loginRequired, reasonError } from './errors';
import { portOf } from './ports';

/**
 * The account of one caller (REG). `_id` and `owner` are the openid. No plaintext phone:
 * `phoneEnc` is AES-GCM bound to the owner, `phoneHash` the lookup HMAC.
 */
export interface UserDoc extends StoredDoc {
  owner: string;
  phoneHash: string;
  phoneEnc: string;
  nickname: string;
  avatarKey: string | null;
  /** False after logout; the registration stays. */
  loggedIn: boolean;
  /** DEV: a device that logged in unverified; until an SMS code clears it the session is untrusted. */
  pendingDevice: string | null;
  /** DEV: the device of the latest me/login, shown as 当前设备. */
  lastDeviceId: string | null;
  registeredAt: string;
  loginAt: string;
  updatedAt: string;
}

export const phoneContext = (owner: string) => `users.phoneEnc:${owner}`;

export function loadUser(ctx: Ctx, openid: string): Promise<UserDoc | null> {
  return ctx.store.get<UserDoc>(USERS.name, openid);
}

export function boundPhone(ctx: Ctx, user: UserDoc): string {
  return portOf(ctx, 'crypto').decrypt(user.phoneEnc, phoneContext(user.owner));
}

/**
 * DEV: new devices are recorded and checked only while the 设备信息 consent is on. A device
 * already pending stays pending whatever the consent says (SEC): withdrawing a consent never
 * lifts a restriction, only an SMS code does.
 */
export function deviceCheckApplies(ctx: Ctx, openid: string): Promise<boolean> {
  return hasConsent(ctx.store, openid, 'device');
}

/** A registered, logged-in caller (UNAUTHENTICATED login_required otherwise). */
export async function requireLoggedIn(ctx: Ctx): Promise<{ caller: Caller; user: UserDoc }> {
  const caller = requireCaller(ctx);
  const user = await loadUser(ctx, caller.openid);
  if (!user || !user.loggedIn) throw loginRequired();
  return { caller, user };
}

/**
 * A logged-in caller whose session is trusted: profile, devices and identity are refused
 * (PERMISSION_DENIED device_unverified) while a new device awaits its SMS code (DEV).
 */
export async function requireTrustedAccount(ctx: Ctx): Promise<{ caller: Caller; user: UserDoc }> {
  const found = await requireLoggedIn(ctx);
  if (found.user.pendingDevice) {
    throw reasonError('PERMISSION_DENIED', 'device_unverified');
  }
  return found;
}

export async function profileOf(ctx: Ctx, user: UserDoc): Promise<Profile> {
  const avatarUrl = user.avatarKey
    ? await portOf(ctx, 'files').signedUrl(user.avatarKey, { ttlSeconds: LINK_TTL_SECONDS.avatar })
    : null;
  return { nickname: user.nickname, avatarUrl, phoneMasked: maskPhone(boundPhone(ctx, user)) };
}

/** What me (and every login action) answers; `profile` only for a trusted session. */
export async function accountState(ctx: Ctx, user: UserDoc | null): Promise<AccountState> {
  if (!user) {
    return {
      registered: false,
      loggedIn: false,
      profile: null,
      session: { trusted: false, reason: 'login_required' },
    };
  }
  if (!user.loggedIn) {
    return {
      registered: true,
      loggedIn: false,
      profile: null,
      session: { trusted: false, reason: 'login_required' },
    };
  }
  if (user.pendingDevice) {
    return {
      registered: true,
      loggedIn: true,
      profile: null,
      session: { trusted: false, reason: 'new_device' },
    };
  }
  return {
    registered: true,
    loggedIn: true,
    profile: await profileOf(ctx, user),
    session: { trusted: true },
  };
}
