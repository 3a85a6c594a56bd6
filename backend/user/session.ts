import { USERS } from '../collections';
import type { Handler } from '../core/action';
import { requireCaller } from '../core/auth';
import { accountState, boundPhone, deviceCheckApplies, loadUser, requireLoggedIn } from './account';
import { consumeCode } from './codes';
import { observeDevice, requireDevice } from './devices';

/** Where the caller stands; with the 设备信息 consent a logged-in call records its device (DEV). */
export const me: Handler<'user', 'me'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  let user = await loadUser(ctx, caller.openid);
  if (user?.loggedIn && (await deviceCheckApplies(ctx, caller.openid))) {
    user = await observeDevice(ctx, user, requireDevice(input.device), false);
  }
  return accountState(ctx, user);
};

/** DEV: an SMS code to the bound phone trusts the device this call comes from. */
export const verifyDevice: Handler<'user', 'verifyDevice'> = async (ctx, input) => {
  const { caller, user } = await requireLoggedIn(ctx);
  const checkDevice = await deviceCheckApplies(ctx, caller.openid);
  if (checkDevice) requireDevice(input.device);
  const phone = boundPhone(ctx, user);
  await consumeCode(ctx, { purpose: 'verify', phone, owner: caller.openid }, input.code);
  if (checkDevice && input.device) {
    return accountState(ctx, await observeDevice(ctx, user, input.device, true));
  }
  await ctx.store.update(USERS.name, user._id, { set: { pendingDevice: null } });
  return accountState(ctx, { ...user, pendingDevice: null });
};

/**
 * Ends the login of this account (every device: on WeChat one openid is one person). The
 * registration, profile and devices stay; register or loginWithWeChatPhone logs back in.
 */
export const logout: Handler<'user', 'logout'> = async (ctx) => {
  const caller = requireCaller(ctx);
  const user = await loadUser(ctx, caller.openid);
  if (!user) return accountState(ctx, null);
  if (user.loggedIn) {
    await ctx.store.update(USERS.name, user._id, {
      set: { loggedIn: false, updatedAt: ctx.clock.now().toISOString() },
    });
  }
  return accountState(ctx, { ...user, loggedIn: false });
};
