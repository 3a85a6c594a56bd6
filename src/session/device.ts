import Taro from '@tarojs/taro';
import type { DeviceFacts as WireDevice } from '../../contract/user/schemas';
import { readDevice } from '../platform/device';
import { randomBytes } from '../platform/random';

/**
 * DEV: what a login sends about this device — only while the 设备信息 consent is on
 * (readDevice checks it). The id is random, made once on this device and kept in storage:
 * no hardware identifier is ever read. The server keeps only an HMAC of it.
 */
export const DEVICE_ID_KEY = 'zhuyi.account.deviceId';

const ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Only if the platform has no CSPRNG: the id marks a device, it guards nothing by itself. */
function weakBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(Math.random() * 256));
}

export async function deviceId(): Promise<string> {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(DEVICE_ID_KEY);
  } catch {
    stored = '';
  }
  if (typeof stored === 'string' && ID_PATTERN.test(stored)) return stored;
  const id = hex((await randomBytes(16)) ?? weakBytes(16));
  try {
    Taro.setStorageSync(DEVICE_ID_KEY, id);
  } catch {
    // Storage unavailable: this session still has an id; the next one is a "new device".
  }
  return id;
}

/** DEL: a deleted account's device record is gone on the server; a new id starts afresh. */
export function forgetDeviceId(): void {
  try {
    Taro.removeStorageSync(DEVICE_ID_KEY);
  } catch {
    // Storage unavailable: no id was kept.
  }
}

/** Control, format, surrogate and private-use characters, which the contract refuses. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\uf8ff\ufff0-\uffff]/g;

/** A printable fact within the contract's bounds, or undefined when there is none. */
function fact(value: string, max: number): string | undefined {
  const clean = value.replace(INVISIBLE, '').trim();
  return clean ? clean.slice(0, max) : undefined;
}

const dimension = (n: number) => Math.min(20_000, Math.max(1, Math.round(n) || 1));

/** The device facts for `me` and the login actions, or undefined without the consent. */
export async function deviceForLogin(): Promise<WireDevice | undefined> {
  const facts = readDevice();
  if (!facts) return undefined;
  const brand = fact(facts.brand, 32);
  const ratio = facts.pixelRatio;
  return {
    id: await deviceId(),
    model: fact(facts.model, 64) ?? '未知设备',
    system: fact(facts.system, 64) ?? '未知系统',
    platform: fact(facts.platform, 32) ?? 'unknown',
    ...(brand ? { brand } : {}),
    screenWidth: dimension(facts.screenWidth),
    screenHeight: dimension(facts.screenHeight),
    ...(ratio >= 0.5 && ratio <= 10 ? { pixelRatio: ratio } : {}),
  };
}
