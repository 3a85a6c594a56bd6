/**
 * The built cloud functions end to end (issue 10, part 3): every `cloudfunctions/<fn>/index.js`
 * that `npm run build:functions` wrote is loaded as CloudBase loads it, with the real
 * wx-server-sdk answering from the emulated database, cloud storage in memory, Tencent SMS
 * answered in process (tests/bundles/platform.ts), and identity from `getWXContext()` — the
 * OPENID the platform puts in the function's environment for each call. One patient goes
 * consent → register → consult with a photo → export → delete through the bundles alone.
 * `npm test` builds the bundles before jest, so a missing bundle is a failure, not a skip.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  COLLECTIONS,
  CONSULTS,
  DOCTORS,
  MEDICAL_RECORDS,
  PATIENTS,
  USERS,
} from '../../backend/collections';
import type { Envelope } from '../../contract/envelope';
import { SENSITIVE_CONSENTS } from '../../contract/privacy/sensitive-consents';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { idCheckChar } from '../../contract/user/id-number';
import { FUNCTIONS_DIR, listFunctions } from '../../scripts/build-functions';
import { CloudbaseEmulator, geoIndexesOf, registerEmulator } from '../support/cloudbase-emulator';
import { emulateStorage, emulateTencentSms, type EmulatedStorage, type SentSms } from './platform';

type Main = (event: unknown, context?: unknown) => Promise<unknown>;

const FUNCTION_ENV = {
  ZHUYI_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '上海助医',
  TENCENT_SMS_TEMPLATE_ID: '2000001',
  TENCENTCLOUD_SECRET_ID: 'AKIDemulated',
  TENCENTCLOUD_SECRET_KEY: 'emulated',
  // getWXContext() reads these; per call the test sets WX_OPENID as the platform would.
  WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_CLIENTIP',
  WX_APPID: 'wx0000000000000000',
};

const PATIENT = 'o-journey-000000000000000000';
const PHONE = '13911112222';
const FREE_DOCTOR = 'd-journey-free';
const DEVICE = {
  id: 'journey-phone-01',
  model: 'iPhone 15',
  system: 'iOS 17.2',
  platform: 'ios',
  brand: 'Apple',
  screenWidth: 393,
  screenHeight: 852,
  pixelRatio: 3,
};
const FATHER_ID = `31011519580301013${idCheckChar('31011519580301013')}`;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(391, 0x20)]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(248, 0x41),
]);

const saved = { ...process.env };
const emulator = new CloudbaseEmulator({ geoIndexes: geoIndexesOf(COLLECTIONS) });
const mains = new Map<string, Main>();
let storage: EmulatedStorage;
let sms: { sent: SentSms[]; restore(): void };
let quiet: jest.SpyInstance[];
const logs: string[] = [];

beforeAll(() => {
  const env = registerEmulator(emulator);
  // DYNAMIC_CURRENT_ENV resolves to TCB_ENV inside CloudBase: the emulator's environment here.
  Object.assign(process.env, FUNCTION_ENV, { TCB_ENV: env });
  // The bundles log every call as JSON lines; a failing call's log is in its thrown error.
  quiet = (['log', 'info', 'warn', 'error'] as const).map((level) =>
    jest
      .spyOn(console, level)
      .mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' '))),
  );
  storage = emulateStorage(env);
  sms = emulateTencentSms();
  for (const fn of listFunctions()) {
    const file = join(FUNCTIONS_DIR, fn, 'index.js');
    if (!existsSync(file))
      throw new Error(`${file} is missing: run \`npm run build:functions\` (npm test does)`);
    mains.set(fn, (jest.requireActual(file) as { main: Main }).main);
  }
});

type FakeableApis = NonNullable<
  Extract<Parameters<typeof jest.useFakeTimers>[0], { doNotFake?: unknown }>['doNotFake']
>;
const TIMERS: FakeableApis = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
];

afterEach(() => jest.useRealTimers());

afterAll(() => {
  storage.restore();
  sms.restore();
  quiet.forEach((s) => s.mockRestore());
  process.env = { ...saved };
});

/** `wx.cloud.callFunction({ name, data: { action, data } })` as `openid`. */
async function call<T>(fn: string, action: string, data: unknown, openid = PATIENT): Promise<T> {
  const main = mains.get(fn);
  if (!main) throw new Error(`no bundle for ${fn}`);
  process.env.WX_OPENID = openid;
  process.env.WX_CLIENTIP = '203.0.113.9';
  logs.length = 0;
  const answer = (await main({ action, data, userInfo: { openId: 'ignored' } })) as Envelope<T>;
  if (!answer.ok) {
    const failed = logs.filter((l) => l.includes('"level":"error"')).map((l) => l.slice(0, 600));
    throw new Error(`${fn}.${action}: ${answer.error.code} ${answer.error.message}\n${failed}`);
  }
  return answer.data;
}

const lastCode = (phone: string): string => {
  const message = [...sms.sent].reverse().find((m) => m.phone === phone);
  if (!message) throw new Error(`no SMS to ${phone}`);
  return message.params[0];
};

it('loads every built function and each answers through the emulated platform', async () => {
  expect([...mains.keys()]).toEqual(listFunctions());
  for (const main of mains.values()) {
    process.env.WX_OPENID = PATIENT;
    const answer = (await main({ action: 'no-such-action' })) as { ok: boolean };
    // Actions refuse an unknown name; the timer-only sweeps refuse a caller with an OPENID.
    expect(answer.ok).toBe(false);
  }
});

it('consent → register → 就诊人 and 病历 → consult with a photo → export → delete, through the bundles', async () => {
  emulator.store.insert(DOCTORS.name, {
    _id: FREE_DOCTOR,
    name: '赵医生',
    title: '主治医师',
    titleRank: 2,
    department: '皮肤科',
    hospitalId: 'h-journey',
    hospitalName: '示例医院',
    hospitalGradeRank: 0,
    specialties: ['湿疹'],
    specialtiesText: '湿疹',
    consultPrice: 0,
    rating: 4.8,
    consultCount: 0,
    synthetic: true,
    bio: '示例医生',
  });

  await call('privacy', 'recordConsent', {
    policyVersion: POLICY_VERSION,
    items: { device: true },
  });

  await call('user', 'sendCode', { purpose: 'register', phone: PHONE });
  expect(sms.sent.at(-1)).toMatchObject({ phone: PHONE, templateId: '2000001' });
  await call('user', 'register', { phone: PHONE, code: lastCode(PHONE), device: DEVICE });
  expect(emulator.store.dump(USERS.name)).toHaveLength(1);

  // PIPL art. 29: 就诊人 (allergies) and 病历 are health information — its own consent first.
  await call('privacy', 'recordSensitiveConsent', {
    item: 'health',
    version: SENSITIVE_CONSENTS.health.version,
  });
  // 就诊人 and 病历 (patients, records): a father with a report and its scanned PDF.
  const father = await call<{ id: string }>('patients', 'add', {
    relation: '父母',
    name: '张建国',
    document: { idType: 'id_card', idNumber: FATHER_ID },
    declaration: { agreed: true },
  });
  const report = await call<{ id: string }>('records', 'create', {
    patientId: father.id,
    kind: '检查报告',
    date: '2026-11-20',
    hospital: { name: '复旦大学附属华山医院' },
  });
  await call('records', 'uploadAttachment', {
    recordId: report.id,
    file: { contentBase64: PDF.toString('base64'), contentType: 'application/pdf' },
  });

  const photo = await call<{ key: string }>('consult', 'uploadAttachment', {
    image: { contentBase64: PNG.toString('base64'), contentType: 'image/png' },
  });
  expect(storage.files.size).toBe(2);
  const consult = await call<{ id: string; status: string }>('consult', 'create', {
    doctorId: FREE_DOCTOR,
    patient: { kind: 'self' },
    description: '手背起红疹三天，夜间瘙痒加重，没有发烧。',
    photoKeys: [photo.key],
  });
  expect(consult.status).toBe('waiting');

  // Identity is the OPENID of each call: another WeChat user is not this account.
  const stranger = await call<{ registered: boolean }>(
    'user',
    'me',
    {},
    'o-stranger-0000000000000000',
  );
  expect(stranger.registered).toBe(false);

  const exported = await call<{ collections: Array<{ collection: string; rows: unknown[] }> }>(
    'account',
    'export',
    {},
  );
  const rows = (name: string) =>
    exported.collections.find((c) => c.collection === name)?.rows.length ?? 0;
  expect(rows(CONSULTS.name)).toBe(1);
  expect(rows(USERS.name)).toBe(1);
  expect(rows(PATIENTS.name)).toBeGreaterThanOrEqual(1);
  expect(rows(MEDICAL_RECORDS.name)).toBe(1);

  // The bundles read the system clock: only Date moves past the 60 s resend wait.
  jest.useFakeTimers({ doNotFake: TIMERS, now: Date.now() + 61_000 });
  await call('user', 'sendCode', { purpose: 'verify', phone: PHONE });
  let status = await call<{ state: string }>('account', 'delete', {
    confirm: true,
    code: lastCode(PHONE),
  });
  while (status.state !== 'done') status = await call('account', 'deletionStatus', {});

  const left = (name: string) => emulator.store.dump(name).length;
  expect([USERS, PATIENTS, MEDICAL_RECORDS, CONSULTS].map((c) => left(c.name))).toEqual([
    0, 0, 0, 0,
  ]);
  expect(storage.files.size).toBe(0);
  const me = await call<{ registered: boolean }>('user', 'me', {});
  expect(me.registered).toBe(false);
});
