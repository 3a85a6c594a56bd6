/** Bad input on every user action → INVALID_ARGUMENT with the field path, never INTERNAL. */
import fc from 'fast-check';
import { userActions } from '../../../contract/user';
import { makeEnv, type TestEnv } from '../support/env';
import { alice, ALICE_PHONE, device, idNumber, registerUser, upload, userCall } from './support';

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await registerUser(env, alice, ALICE_PHONE);
});
afterAll(() => env.close());

async function expectInvalid(action: string, data: unknown, path: string) {
  const r = await userCall(env, action, data);
  if (r.ok) throw new Error(`accepted ${action} ${JSON.stringify(data).slice(0, 200)}`);
  expect({ code: r.error.code, paths: r.error.details?.issues?.map((i) => i.path) }).toEqual({
    code: 'INVALID_ARGUMENT',
    paths: expect.arrayContaining([path]),
  });
}

const photo = upload('jpeg');
const identity = {
  name: '张三',
  idNumber: idNumber('310104', '19900307'),
  idPhoto: photo,
  facePhoto: photo,
  consent: true,
};
const valid: Record<string, Record<string, unknown>> = {
  sendCode: { purpose: 'register', phone: ALICE_PHONE },
  register: { phone: ALICE_PHONE, code: '123456' },
  loginWithWeChatPhone: { code: 'abc' },
  me: {},
  verifyDevice: { code: '123456' },
  updateProfile: { nickname: '小明' },
  listDevices: {},
  removeDevice: { deviceId: 'a'.repeat(32) },
  logout: {},
  submitIdentity: identity,
  getIdentity: {},
};

it('the table covers every action', () => {
  expect(Object.keys(valid).sort()).toEqual(Object.keys(userActions).sort());
});

it.each(Object.keys(valid))(
  '%s: extra fields, null, arrays and strings as data',
  async (action) => {
    await expectInvalid(action, { ...valid[action], openid: 'o-victim' }, 'data.openid');
    await expectInvalid(action, null, 'data');
    await expectInvalid(action, [], 'data');
    await expectInvalid(action, 'x', 'data');
  },
);

const pngAsJpeg = { ...upload('png'), contentType: 'image/jpeg' };
const tooBig = upload('jpeg', 2 * 1024 * 1024 + 1);
const notImage = {
  contentBase64: Buffer.from('%PDF-1.7 not an image at all').toString('base64'),
  contentType: 'image/jpeg',
};

const cases: Array<[string, Record<string, unknown>, string]> = [
  ['sendCode', { purpose: 'register' }, 'data.phone'],
  ['sendCode', { purpose: 'register', phone: '12812345678' }, 'data.phone'],
  ['sendCode', { purpose: 'register', phone: '1381234567' }, 'data.phone'],
  ['sendCode', { purpose: 'register', phone: '138123456789' }, 'data.phone'],
  ['sendCode', { purpose: 'register', phone: '+8613812345678' }, 'data.phone'],
  ['sendCode', { purpose: 'register', phone: '138 1234 5678' }, 'data.phone'],
  ['sendCode', { purpose: 'register', phone: '１３８１２３４５６７８' }, 'data.phone'],
  ['sendCode', { purpose: 'register', phone: 13812345678 }, 'data.phone'],
  ['sendCode', { purpose: 'login', phone: ALICE_PHONE }, 'data.purpose'],
  ['sendCode', { phone: ALICE_PHONE }, 'data.purpose'],
  ['register', { phone: ALICE_PHONE, code: '12345' }, 'data.code'],
  ['register', { phone: ALICE_PHONE, code: '1234567' }, 'data.code'],
  ['register', { phone: ALICE_PHONE, code: 123456 }, 'data.code'],
  ['register', { phone: ALICE_PHONE, code: { $ne: '' } }, 'data.code'],
  ['register', { phone: '10086', code: '123456' }, 'data.phone'],
  ['register', { phone: ALICE_PHONE, code: '123456', device: { id: 'x' } }, 'data.device.id'],
  [
    'register',
    { phone: ALICE_PHONE, code: '123456', device: { ...device('d'), screenWidth: -1 } },
    'data.device.screenWidth',
  ],
  ['me', { device: { ...device('d'), model: 'x'.repeat(65) } }, 'data.device.model'],
  ['me', { device: { ...device('d'), system: 'iOS\u0000' } }, 'data.device.system'],
  ['me', { device: { ...device('d'), platform: '' } }, 'data.device.platform'],
  ['me', { device: { ...device('d'), pixelRatio: NaN } }, 'data.device.pixelRatio'],
  ['me', { device: { ...device('d'), extra: 1 } }, 'data.device.extra'],
  ['loginWithWeChatPhone', { code: '' }, 'data.code'],
  ['loginWithWeChatPhone', { code: 'a'.repeat(129) }, 'data.code'],
  ['loginWithWeChatPhone', { code: '../etc' }, 'data.code'],
  ['verifyDevice', { code: 'abcdef' }, 'data.code'],
  ['updateProfile', { nickname: '' }, 'data.nickname'],
  ['updateProfile', { nickname: '   ' }, 'data.nickname'],
  ['updateProfile', { nickname: 'a'.repeat(21) }, 'data.nickname'],
  ['updateProfile', { nickname: '小\u0007明' }, 'data.nickname'],
  ['updateProfile', { nickname: '小\u202e明' }, 'data.nickname'],
  ['updateProfile', { nickname: '小\n明' }, 'data.nickname'],
  ['updateProfile', { avatar: pngAsJpeg }, 'data.avatar.contentType'],
  ['updateProfile', { avatar: tooBig }, 'data.avatar.contentBase64'],
  ['updateProfile', { avatar: notImage }, 'data.avatar.contentBase64'],
  ['updateProfile', { avatar: { ...photo, contentType: 'image/gif' } }, 'data.avatar.contentType'],
  [
    'updateProfile',
    { avatar: { ...photo, contentBase64: `data:image/jpeg;base64,${photo.contentBase64}` } },
    'data.avatar.contentBase64',
  ],
  ['updateProfile', { avatar: { ...photo, contentBase64: '' } }, 'data.avatar.contentBase64'],
  ['updateProfile', { avatar: { ...photo, path: '/etc/passwd' } }, 'data.avatar.path'],
  ['removeDevice', { deviceId: '../../x' }, 'data.deviceId'],
  ['removeDevice', { deviceId: 'A'.repeat(32) }, 'data.deviceId'],
  ['removeDevice', {}, 'data.deviceId'],
  ['submitIdentity', { ...identity, name: '张' }, 'data.name'],
  ['submitIdentity', { ...identity, name: 'Zhang San' }, 'data.name'],
  ['submitIdentity', { ...identity, name: '·张三' }, 'data.name'],
  ['submitIdentity', { ...identity, name: '张··三' }, 'data.name'],
  ['submitIdentity', { ...identity, name: '张'.repeat(21) }, 'data.name'],
  ['submitIdentity', { ...identity, idNumber: '110105194912310021' }, 'data.idNumber'],
  ['submitIdentity', { ...identity, idNumber: '11010519491231002' }, 'data.idNumber'],
  ['submitIdentity', { ...identity, idNumber: idNumber('110105', '19490230') }, 'data.idNumber'],
  ['submitIdentity', { ...identity, idNumber: idNumber('110105', '18991231') }, 'data.idNumber'],
  ['submitIdentity', { ...identity, idNumber: idNumber('990105', '19900101') }, 'data.idNumber'],
  ['submitIdentity', { ...identity, idNumber: idNumber('110105', '20301231') }, 'data.idNumber'],
  ['submitIdentity', { ...identity, idNumber: 110105194912310020 }, 'data.idNumber'],
  ['submitIdentity', { ...identity, idPhoto: pngAsJpeg }, 'data.idPhoto.contentType'],
  ['submitIdentity', { ...identity, facePhoto: tooBig }, 'data.facePhoto.contentBase64'],
  ['submitIdentity', { ...identity, facePhoto: undefined }, 'data.facePhoto'],
  ['submitIdentity', { ...identity, consent: 'yes' }, 'data.consent'],
];

it.each(cases)('%s %j → %s', async (action, data, path) => {
  await expectInvalid(action, data, path);
});

describe('no input produces INTERNAL (property)', () => {
  const actionArb = fc.oneof(fc.constantFrom(...Object.keys(userActions)), fc.string());
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.anything());
  const dataArb = fc.oneof(
    fc.anything(),
    fc.record(
      {
        purpose: maybe(fc.constantFrom('register', 'verify')),
        phone: maybe(fc.stringMatching(/^1[0-9]{8,11}$/)),
        code: maybe(fc.stringMatching(/^[0-9]{5,7}$/)),
        nickname: maybe(fc.string({ maxLength: 30, unit: 'grapheme' })),
        deviceId: maybe(fc.stringMatching(/^[a-f0-9]{30,34}$/)),
        name: maybe(fc.string({ maxLength: 25 })),
        idNumber: maybe(fc.stringMatching(/^[0-9]{17}[0-9Xx]$/)),
        which: maybe(fc.constantFrom('idPhoto', 'facePhoto')),
        consent: fc.boolean(),
        avatar: maybe(
          fc.record({
            contentBase64: maybe(fc.base64String({ maxLength: 64 })),
            contentType: maybe(fc.constantFrom('image/jpeg', 'image/png', 'image/webp')),
          }),
        ),
        device: maybe(
          fc.record({
            id: maybe(fc.stringMatching(/^[A-Za-z0-9]{14,66}$/)),
            model: fc.string({ maxLength: 70 }),
            system: fc.string({ maxLength: 70 }),
            platform: fc.string({ maxLength: 40 }),
            screenWidth: fc.oneof(fc.integer(), fc.double()),
            screenHeight: fc.integer(),
          }),
        ),
      },
      { requiredKeys: [] },
    ),
  );

  it('any action with any data answers an envelope that is never INTERNAL', async () => {
    await fc.assert(
      fc.asyncProperty(actionArb, dataArb, async (action, data) => {
        env.clock.advance(61_000); // let the odd valid sendCode through the resend wait
        const r = await userCall(env, action, data);
        if (!r.ok) expect(r.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: 400 },
    );
  });
});
