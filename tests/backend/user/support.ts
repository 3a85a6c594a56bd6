import type { Caller } from '../../../backend/core/context';
import { idCheckChar } from '../../../contract/user/id-number';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import {
  SENSITIVE_CONSENTS,
  type SensitiveConsent,
} from '../../../contract/privacy/sensitive-consents';
import type { AccountState, DeviceFacts } from '../../../contract/user';
import type { ApiErrorBody, Envelope } from '../../../contract/envelope';
import { expectOk, type TestEnv } from '../support/env';

export const alice: Caller = { openid: 'o-alice-0000000000000000000', clientIp: '203.0.113.1' };
export const bob: Caller = { openid: 'o-bob-00000000000000000000000', clientIp: '203.0.113.2' };

export const ALICE_PHONE = '13812345678';
export const BOB_PHONE = '15900001111';

export function userCall(
  env: TestEnv,
  action: string,
  data: unknown,
  caller: Caller | null = alice,
) {
  return env.call('user', { action, data }, caller);
}

/** The code in the last SMS the fake sender got for `phone`. */
export function lastCode(env: TestEnv, phone: string): string {
  const message = [...env.sms.sent].reverse().find((m) => m.phone === phone);
  if (!message) throw new Error(`no SMS sent to ${phone}`);
  return message.code;
}

export async function sendCode(
  env: TestEnv,
  caller: Caller,
  phone: string,
  purpose: 'register' | 'verify' = 'register',
): Promise<string> {
  // As the app does: registering comes after 同意 (contract/privacy/requirements.ts).
  if (purpose === 'register') await consentToPolicy(env, caller);
  expectOk(await userCall(env, 'sendCode', { purpose, phone }, caller));
  return lastCode(env, phone);
}

/** Registers `caller` with `phone` through the real SMS path; moves the clock past the resend wait. */
export async function registerUser(
  env: TestEnv,
  caller: Caller,
  phone: string,
  device?: DeviceFacts,
): Promise<AccountState> {
  const code = await sendCode(env, caller, phone);
  const state = expectOk<AccountState>(
    await userCall(env, 'register', { phone, code, ...(device ? { device } : {}) }, caller),
  );
  env.clock.advance(61_000);
  return state;
}

/** 同意 on the consent sheet, recorded once per caller (a registration needs it). */
export async function consentToPolicy(env: TestEnv, caller: Caller): Promise<void> {
  const list = expectOk<{ current: { policy: boolean } | null }>(
    await env.call('privacy', { action: 'listConsents', data: {} }, caller),
  );
  if (list.current?.policy) return;
  expectOk(
    await env.call(
      'privacy',
      { action: 'recordConsent', data: { policyVersion: POLICY_VERSION } },
      caller,
    ),
  );
}

/**
 * The separate consents of their own screens (PIPL art. 29, 31), as a patient gives them
 * before a first consultation; tests/backend/privacy/sensitive-consent.test.ts covers their absence.
 */
export async function consentToSensitive(
  env: Pick<TestEnv, 'call'>,
  caller: Caller,
  items: SensitiveConsent[] = ['health', 'guardian'],
): Promise<void> {
  for (const item of items) {
    const data = { item, version: SENSITIVE_CONSENTS[item].version };
    expectOk(await env.call('privacy', { action: 'recordSensitiveConsent', data }, caller));
  }
}

/** The 设备信息 consent (DEV), through the privacy function as the UI gives it. */
export async function consentToDevice(env: TestEnv, caller: Caller, device = true): Promise<void> {
  expectOk(
    await env.call(
      'privacy',
      { action: 'recordConsent', data: { policyVersion: POLICY_VERSION, items: { device } } },
      caller,
    ),
  );
}

export function device(id: string, overrides: Partial<DeviceFacts> = {}): DeviceFacts {
  return {
    id: id.padEnd(16, '0'),
    model: 'iPhone 15',
    system: 'iOS 17.2',
    platform: 'ios',
    brand: 'Apple',
    screenWidth: 393,
    screenHeight: 852,
    pixelRatio: 3,
    ...overrides,
  };
}

/** An 18-character ID number with a correct check character. */
export function idNumber(region: string, birth: string, seq = '123'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [...be16(n >>> 16), ...be16(n & 0xffff)];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];

/** A header a decoder reads as a `px`×`px` picture (PNG IHDR, JPEG APP0 + SOF0, WebP VP8X). */
function header(type: 'png' | 'jpeg' | 'webp', px: number): number[] {
  if (type === 'png')
    return [
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
      ...be32(px),
      ...be32(px),
      8,
      2,
      0,
      0,
      0,
    ];
  if (type === 'jpeg')
    return [
      0xff,
      0xd8,
      0xff,
      0xe0,
      0,
      16,
      0x4a,
      0x46,
      0x49,
      0x46,
      0,
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      0,
      0,
      0xff,
      0xc0,
      0,
      17,
      8,
      ...be16(px),
      ...be16(px),
      3,
    ];
  return [
    0x52,
    0x49,
    0x46,
    0x46,
    0x24,
    0,
    0,
    0,
    0x57,
    0x45,
    0x42,
    0x50,
    0x56,
    0x50,
    0x38,
    0x58,
    10,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    ...le24(px - 1),
    ...le24(px - 1),
  ];
}

/** Bytes that start like a real `px`×`px` file of the type, padded to `size`. */
export function imageBytes(
  type: 'png' | 'jpeg' | 'webp',
  size = 256,
  fill = 0x41,
  px = 640,
): Buffer {
  const head = header(type, px);
  const bytes = Buffer.alloc(Math.max(size, head.length), fill);
  Buffer.from(head).copy(bytes);
  return bytes;
}

export function upload(type: 'png' | 'jpeg' | 'webp', size = 256, fill = 0x41, px = 640) {
  return {
    contentBase64: imageBytes(type, size, fill, px).toString('base64'),
    contentType: `image/${type}`,
  };
}

export function expectError(
  r: Envelope<unknown>,
  code: string,
  details: Record<string, unknown> = {},
): ApiErrorBody {
  if (r.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(r.data).slice(0, 200)}`);
  expect({ code: r.error.code, details: r.error.details ?? {} }).toMatchObject({ code, details });
  return r.error;
}

/**
 * Jest hooks giving every test its own world: `make` before each test, handed to `use`
 * (the file's variable) and then to `prepare`; closed after the test, even when `prepare`
 * failed half-way.
 */
export function freshEnvEachTest<E extends { close(): void }>(
  make: () => E,
  use: (made: E) => void,
  prepare?: (made: E) => Promise<unknown>,
): void {
  let current: E | undefined;
  beforeEach(async () => {
    current = make();
    use(current);
    await prepare?.(current);
  });
  afterEach(() => current?.close());
}
