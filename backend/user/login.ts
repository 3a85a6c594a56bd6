import type { DeviceFacts } from '../../contract/user';
import { WECHAT_PHONE_LOGINS_PER_DAY } from '../../contract/user/items';
import { PHONE_BINDINGS, USERS } from '../collections';
import type { Handler } from '../core/action';
import { requireCaller } from '../core/auth';
import { ApiError } from '../core/errors';
import type { Caller, Ctx } from '../core/context';
import { DuplicateIdError, type StoredDoc } from '../ports/document-store';
import { accountState, deviceCheckApplies, loadUser, phoneContext, type UserDoc } from './account';
import { consumeCode } from './codes';
import { observeDevice, requireDevice } from './devices';
import { reasonError } from './errors';
import { portOf } from './ports';
import { takeQuota } from './rate-limit';

interface BindingDoc extends StoredDoc {
  owner: string;
  boundAt: string;
}

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Binds `phone` to the caller (or finds it already bound to them) and logs them in, in one
 * transaction of by-id reads and writes: the binding's `_id` is the phone's HMAC, so one
 * phone can belong to one account only. Another account's phone → CONFLICT, never saying
 * whose. `proven`: the phone was shown by an SMS code, which also clears a pending device.
 */
async function bindAndLogin(
  ctx: Ctx,
  caller: Caller,
  phone: string,
  proven: boolean,
): Promise<UserDoc> {
  const crypto = portOf(ctx, 'crypto');
  const random = portOf(ctx, 'random');
  const phoneHash = crypto.hmac('phone', phone);
  const now = ctx.clock.now().toISOString();
  const { openid } = caller;
  try {
    return await ctx.store.transaction(async (tx) => {
      const user = await tx.get<UserDoc>(USERS.name, openid);
      if (user && user.phoneHash !== phoneHash)
        throw reasonError('FAILED_PRECONDITION', 'phone_mismatch');
      const binding = await tx.get<BindingDoc>(PHONE_BINDINGS.name, phoneHash);
      if (binding && binding.owner !== openid) throw reasonError('CONFLICT', 'phone_taken');
      if (!binding)
        await tx.insert(PHONE_BINDINGS.name, { _id: phoneHash, owner: openid, boundAt: now });
      const pending = proven ? { pendingDevice: null } : {};
      if (user) {
        await tx.update(USERS.name, openid, { set: { loggedIn: true, loginAt: now, ...pending } });
        return { ...user, loggedIn: true, loginAt: now, ...pending };
      }
      const created: UserDoc = {
        _id: openid,
        owner: openid,
        phoneHash,
        phoneEnc: crypto.encrypt(phone, phoneContext(openid)),
        // A neutral default: deriving it from the phone would put digits of it in plain text.
        nickname: `助医用户${random.int(1000, 10_000)}`,
        avatarKey: null,
        loggedIn: true,
        pendingDevice: null,
        lastDeviceId: null,
        registeredAt: now,
        loginAt: now,
        updatedAt: now,
      };
      await tx.insert(USERS.name, created);
      return created;
    });
  } catch (err) {
    // Only a race can get here: another request bound the phone (or created the account) first.
    if (err instanceof DuplicateIdError) {
      throw err.collection === PHONE_BINDINGS.name
        ? reasonError('CONFLICT', 'phone_taken')
        : new ApiError('CONFLICT', '操作冲突，请重试');
    }
    throw err;
  }
}

/** The device part of a login: recorded and checked only with the 设备信息 consent (DEV). */
async function afterLogin(
  ctx: Ctx,
  user: UserDoc,
  device: DeviceFacts | undefined,
  checkDevice: boolean,
  proven: boolean,
) {
  const current = checkDevice
    ? await observeDevice(ctx, user, requireDevice(device), proven)
    : user;
  return accountState(ctx, current);
}

/** REG: register, or log back in, with an SMS code; the device becomes trusted (DEV). */
export const register: Handler<'user', 'register'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const checkDevice = await deviceCheckApplies(ctx, caller.openid);
  // Refuse before the code is used, so fixing the request does not need a new SMS.
  if (checkDevice) requireDevice(input.device);
  const existing = await loadUser(ctx, caller.openid);
  if (existing && existing.phoneHash !== portOf(ctx, 'crypto').hmac('phone', input.phone))
    throw reasonError('FAILED_PRECONDITION', 'phone_mismatch');
  await consumeCode(
    ctx,
    { purpose: 'register', phone: input.phone, owner: caller.openid },
    input.code,
  );
  const user = await bindAndLogin(ctx, caller, input.phone, true);
  return afterLogin(ctx, user, input.device, checkDevice, true);
};

/**
 * REG: WeChat one-tap phone. WeChat does not promise a fresh check of the number, so this
 * login does not vouch for a new device: it stays pending until an SMS code (DEV).
 */
export const loginWithWeChatPhone: Handler<'user', 'loginWithWeChatPhone'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const checkDevice = await deviceCheckApplies(ctx, caller.openid);
  if (checkDevice) requireDevice(input.device);
  await takeQuota(ctx, {
    daily: [{ kind: 'wechat_daily', subject: caller.openid, max: WECHAT_PHONE_LOGINS_PER_DAY }],
  });
  const number = await portOf(ctx, 'wechatPhone').getPhoneNumber(input.code);
  if (number.countryCode !== '86' || !MAINLAND_MOBILE.test(number.phone))
    throw reasonError('FAILED_PRECONDITION', 'phone_not_mainland');
  const user = await bindAndLogin(ctx, caller, number.phone, false);
  return afterLogin(ctx, user, input.device, checkDevice, false);
};
