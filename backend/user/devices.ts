import type { DeviceFacts, LoginDevice } from '../../contract/user';
import { LOGIN_DEVICES, USERS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { notFound } from '../core/errors';
import type { StoredDoc } from '../ports/document-store';
import { requireTrustedAccount, type UserDoc } from './account';
import { fieldError } from './errors';
import { portOf } from './ports';

/**
 * DEV: login devices. Recorded and checked only while the 设备信息 consent is on (callers
 * check it). The stored id is an HMAC of the owner and the client's random id, so the
 * client's id is not kept and one device is not linkable across accounts.
 */
export interface DeviceDoc extends StoredDoc {
  owner: string;
  facts: {
    model: string;
    system: string;
    platform: string;
    brand: string | null;
    screenWidth: number;
    screenHeight: number;
    pixelRatio: number | null;
  };
  trusted: boolean;
  firstSeen: string;
  lastSeen: string;
}

const MAX_LISTED = 50;

export function deviceIdOf(ctx: Ctx, owner: string, clientId: string): string {
  return portOf(ctx, 'crypto').hmac('device', `${owner}\0${clientId}`).slice(0, 32);
}

/** With the consent on, a login or me must say which device it comes from. */
export function requireDevice(device: DeviceFacts | undefined): DeviceFacts {
  if (!device) throw fieldError('data.device', 'device_required');
  return device;
}

/**
 * Records a login from `device` and returns the account's pending device afterwards.
 * `proven`: this call showed an SMS code to the bound phone, so the device is trusted and
 * any pending one cleared. Otherwise a device seen before keeps its trust, and a new one
 * is trusted only as the account's first (nothing to compare it with); any other new
 * device becomes pending and the session untrusted until verifyDevice.
 */
export async function observeDevice(
  ctx: Ctx,
  user: UserDoc,
  device: DeviceFacts,
  proven: boolean,
): Promise<UserDoc> {
  const id = deviceIdOf(ctx, user.owner, device.id);
  const now = ctx.clock.now().toISOString();
  const existing = await ctx.store.get<DeviceDoc>(LOGIN_DEVICES.name, id);
  const trusted =
    proven ||
    (existing
      ? existing.trusted
      : (await ctx.store.count(LOGIN_DEVICES.name, { owner: user.owner, trusted: true })) === 0);
  const facts: DeviceDoc['facts'] = {
    model: device.model,
    system: device.system,
    platform: device.platform,
    brand: device.brand ?? null,
    screenWidth: device.screenWidth,
    screenHeight: device.screenHeight,
    pixelRatio: device.pixelRatio ?? null,
  };
  if (existing) {
    await ctx.store.update(LOGIN_DEVICES.name, id, { set: { facts, trusted, lastSeen: now } });
  } else {
    await ctx.store.insert(LOGIN_DEVICES.name, {
      _id: id,
      owner: user.owner,
      facts,
      trusted,
      firstSeen: now,
      lastSeen: now,
    });
  }
  const pendingDevice = proven ? null : trusted ? user.pendingDevice : id;
  await ctx.store.update(USERS.name, user._id, { set: { pendingDevice, lastDeviceId: id } });
  return { ...user, pendingDevice, lastDeviceId: id };
}

export const listDevices: Handler<'user', 'listDevices'> = async (ctx) => {
  const { caller, user } = await requireTrustedAccount(ctx);
  const docs = await ctx.store.find<DeviceDoc>(
    LOGIN_DEVICES.name,
    { owner: caller.openid },
    { sort: [['lastSeen', 'desc']], limit: MAX_LISTED },
  );
  const items: LoginDevice[] = docs.map((d) => ({
    deviceId: d._id,
    model: d.facts.model,
    system: d.facts.system,
    platform: d.facts.platform,
    brand: d.facts.brand,
    screen: { width: d.facts.screenWidth, height: d.facts.screenHeight },
    firstSeen: d.firstSeen,
    lastSeen: d.lastSeen,
    trusted: d.trusted,
    current: d._id === user.lastDeviceId,
  }));
  return { items };
};

/** Owner only: another account's device id answers NOT_FOUND, exactly like a made-up one. */
export const removeDevice: Handler<'user', 'removeDevice'> = async (ctx, { deviceId }) => {
  const { caller, user } = await requireTrustedAccount(ctx);
  const doc = await ctx.store.get<DeviceDoc>(LOGIN_DEVICES.name, deviceId);
  if (!doc || doc.owner !== caller.openid) throw notFound('设备');
  await ctx.store.remove(LOGIN_DEVICES.name, deviceId);
  if (user.lastDeviceId === deviceId) {
    await ctx.store.update(USERS.name, user._id, { set: { lastDeviceId: null } });
  }
  return { removed: true as const };
};
