/** Bad input on every consult action → INVALID_ARGUMENT with the field path, never INTERNAL. */
import fc from 'fast-check';
import { consultActions } from '../../../contract/consult';
import {
  activeConsult,
  alice,
  drWang,
  expectOk,
  makeConsultEnv,
  setupWorld,
  upload,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
let consultId: string;
beforeAll(async () => {
  env = makeConsultEnv();
  await setupWorld(env);
  consultId = (await activeConsult(env)).id;
});
afterAll(() => env.close());

async function expectInvalid(action: string, data: unknown, path: string, who = alice) {
  const r = await env.consult(action, data, who);
  if (r.ok) throw new Error(`accepted ${action} ${JSON.stringify(data).slice(0, 200)}`);
  expect({ code: r.error.code, paths: r.error.details?.issues?.map((i) => i.path) }).toEqual({
    code: 'INVALID_ARGUMENT',
    paths: expect.arrayContaining([path]),
  });
}

const KEY = 'a'.repeat(24);
/** Well-formed; the schema refuses before any lookup, so it need not exist. */
const CID = 'c0123456789abcdef01234567';
const valid = (): Record<string, Record<string, unknown>> => ({
  config: {},
  uploadAttachment: { image: upload('jpeg') },
  getAttachment: { consultId: CID, key: KEY },
  create: {
    doctorId: 'd-wang',
    patient: { kind: 'self' },
    description: '咳嗽三天，有点发烧。',
    photoKeys: [],
  },
  pay: { consultId: CID },
  sandboxConfirm: { orderId: CID, outcome: 'paid' },
  cancel: { consultId: CID },
  get: { consultId: CID },
  list: { as: 'patient' },
  sendMessage: { consultId: CID, clientMsgId: 'valid-000001', text: '你好' },
  listMessages: { consultId: CID, after: 0, limit: 10 },
  notices: {},
  markRead: { all: true },
  bindDoctor: { code: 'ABCD-EFGH-JKMN' },
  workbench: {},
  queue: {},
  accept: { consultId: CID },
  close: { consultId: CID, summary: '好的' },
  setVideoOffer: { offer: { price: 0, hours: [{ weekday: 1, start: '09:00', end: '12:00' }] } },
});

it('the table covers every action', () => {
  expect(Object.keys(valid()).sort()).toEqual(Object.keys(consultActions).sort());
});

it.each(Object.keys(valid()))(
  '%s: extra fields, null, arrays and strings as data',
  async (action) => {
    await expectInvalid(action, { ...valid()[action], openid: 'o-victim' }, 'data.openid');
    await expectInvalid(action, null, 'data');
    await expectInvalid(action, [], 'data');
    await expectInvalid(action, 'x', 'data');
  },
);

const create = {
  doctorId: 'd-wang',
  patient: { kind: 'self' },
  description: '咳嗽三天，有点发烧。',
};
const other = { kind: 'other', name: '张小明', sex: 'male', age: 6 };
const pngAsJpeg = { ...upload('png'), contentType: 'image/jpeg' };
const notImage = {
  contentBase64: Buffer.from('%PDF-1.7 not an image at all').toString('base64'),
  contentType: 'image/jpeg',
};
const cases: Array<[string, Record<string, unknown>, string]> = [
  ['create', { ...create, description: '太短了' }, 'data.description'],
  ['create', { ...create, description: '痒'.repeat(1001) }, 'data.description'],
  ['create', { ...create, description: '咳嗽三天\u0000有点发烧。' }, 'data.description'],
  [
    'create',
    { ...create, photoKeys: Array.from({ length: 10 }, (_, i) => `${i}`.padStart(24, 'a')) },
    'data.photoKeys',
  ],
  ['create', { ...create, photoKeys: [KEY, KEY] }, 'data.photoKeys'],
  ['create', { ...create, photoKeys: ['../../etc/passwd'] }, 'data.photoKeys.0'],
  ['create', { ...create, doctorId: { $ne: '' } }, 'data.doctorId'],
  ['create', { ...create, doctorId: '../x' }, 'data.doctorId'],
  ['create', { ...create, patient: { kind: 'spouse' } }, 'data.patient.kind'],
  ['create', { ...create, patient: { ...other, age: -1 } }, 'data.patient.age'],
  ['create', { ...create, patient: { ...other, age: 3.5 } }, 'data.patient.age'],
  ['create', { ...create, patient: { ...other, sex: 'x' } }, 'data.patient.sex'],
  ['create', { ...create, patient: { ...other, name: '' } }, 'data.patient.name'],
  ['create', { ...create, patient: { ...other, name: '名'.repeat(21) } }, 'data.patient.name'],
  ['create', { ...create, patient: { kind: 'self', name: '张三' } }, 'data.patient.name'],
  ['create', { ...create, price: 0 }, 'data.price'],
  // 视频咨询 (issue 14): a video consult needs a slot, a text one takes none.
  ['create', { ...create, type: 'video' }, 'data.slot'],
  ['create', { ...create, slot: '2026-12-01T09:00:00+08:00' }, 'data.slot'],
  ['create', { ...create, type: 'video', slot: '明天上午' }, 'data.slot'],
  ['create', { ...create, type: 'phone' }, 'data.type'],
  ['setVideoOffer', { offer: { price: -1, hours: [] } }, 'data.offer.price'],
  [
    'setVideoOffer',
    { offer: { price: 0, hours: [{ weekday: 8, start: '09:00', end: '12:00' }] } },
    'data.offer.hours.0.weekday',
  ],
  [
    'setVideoOffer',
    { offer: { price: 0, hours: [{ weekday: 1, start: '12:00', end: '09:00' }] } },
    'data.offer.hours.0',
  ],
  [
    'setVideoOffer',
    { offer: { price: 0, hours: [{ weekday: 1, start: '09:10', end: '12:00' }] } },
    'data.offer.hours.0',
  ],
  ['uploadAttachment', { image: pngAsJpeg }, 'data.image.contentType'],
  ['uploadAttachment', { image: notImage }, 'data.image.contentBase64'],
  ['uploadAttachment', { image: upload('jpeg', 2 * 1024 * 1024 + 1) }, 'data.image.contentBase64'],
  [
    'uploadAttachment',
    { image: { ...upload('jpeg'), contentType: 'image/gif' } },
    'data.image.contentType',
  ],
  [
    'sendMessage',
    { consultId: CID, clientMsgId: 'valid-000001', text: '字'.repeat(2001) },
    'data.text',
  ],
  ['sendMessage', { consultId: CID, clientMsgId: 'valid-000001', text: '   ' }, 'data.text'],
  ['sendMessage', { consultId: CID, clientMsgId: 'valid-000001' }, 'data.text'],
  [
    'sendMessage',
    { consultId: CID, clientMsgId: 'valid-000001', text: '你好', imageKey: KEY },
    'data.text',
  ],
  ['sendMessage', { consultId: CID, clientMsgId: 'short', text: '你好' }, 'data.clientMsgId'],
  [
    'sendMessage',
    { consultId: CID, clientMsgId: 'has space 123', text: '你好' },
    'data.clientMsgId',
  ],
  [
    'sendMessage',
    { consultId: CID, clientMsgId: 'valid-000001', imageKey: 'not-a-key' },
    'data.imageKey',
  ],
  ['listMessages', { consultId: CID, after: -1 }, 'data.after'],
  ['listMessages', { consultId: CID, limit: 101 }, 'data.limit'],
  ['listMessages', { consultId: CID, after: 1.5 }, 'data.after'],
  ['list', { as: 'admin' }, 'data.as'],
  ['list', { status: 'deleted' }, 'data.status'],
  ['list', { cursor: "x' OR 1=1" }, 'data.cursor'],
  ['list', { limit: 51 }, 'data.limit'],
  ['markRead', {}, 'data.ids'],
  ['markRead', { ids: [], all: true }, 'data.ids'],
  ['markRead', { all: false }, 'data.all'],
  ['bindDoctor', { code: 'ABCD-EFGH-JKM' }, 'data.code'],
  ['bindDoctor', { code: 'ABCD-EFGH-JKM0' }, 'data.code'],
  ['sandboxConfirm', { orderId: CID, outcome: 'refund' }, 'data.outcome'],
  ['close', { consultId: CID, summary: '' }, 'data.summary'],
  ['close', { consultId: CID, summary: '结'.repeat(501) }, 'data.summary'],
  ['get', { consultId: '' }, 'data.consultId'],
];

it.each(cases)('%s %j → %s', async (action, data, path) => {
  await expectInvalid(action, data, path, action === 'close' ? drWang : alice);
});

it('a picture that is not an upload of yours is refused on its field', async () => {
  const r = await env.consult('create', { ...create, photoKeys: [KEY] });
  expect(r).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', details: { issues: [{ path: 'data.photoKeys.0' }] } },
  });
  expectOk(await env.consult('get', { consultId }));
});

describe('no input produces INTERNAL (property)', () => {
  const actionArb = fc.oneof(fc.constantFrom(...Object.keys(consultActions)), fc.string());
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.anything());
  const dataArb = fc.oneof(
    fc.anything(),
    fc.record(
      {
        consultId: maybe(fc.constantFrom('REAL', 'c000000000000000000000000', 'x')),
        orderId: maybe(fc.constantFrom('REAL', 'nope')),
        doctorId: maybe(fc.constantFrom('d-wang', 'd-free', 'd-none')),
        patient: maybe(
          fc.record(
            {
              kind: fc.constantFrom('self', 'other'),
              name: maybe(fc.string({ maxLength: 25 })),
              sex: maybe(fc.constantFrom('male', 'female')),
              age: maybe(fc.integer({ min: -5, max: 200 })),
            },
            { requiredKeys: ['kind'] },
          ),
        ),
        description: maybe(fc.string({ minLength: 0, maxLength: 30, unit: 'grapheme' })),
        photoKeys: maybe(fc.array(fc.stringMatching(/^[a-f0-9]{24}$/), { maxLength: 11 })),
        clientMsgId: maybe(fc.stringMatching(/^[A-Za-z0-9_-]{6,66}$/)),
        text: maybe(fc.string({ maxLength: 40, unit: 'grapheme' })),
        imageKey: maybe(fc.stringMatching(/^[a-f0-9]{23,25}$/)),
        after: maybe(fc.integer({ min: -2, max: 5 })),
        limit: maybe(fc.integer({ min: 0, max: 120 })),
        as: maybe(fc.constantFrom('patient', 'doctor')),
        status: maybe(fc.constantFrom('waiting', 'active', 'closed')),
        cursor: maybe(fc.string({ maxLength: 40 })),
        outcome: maybe(fc.constantFrom('paid', 'cancelled')),
        summary: maybe(fc.string({ maxLength: 30 })),
        code: maybe(fc.stringMatching(/^[A-Z2-9-]{10,16}$/)),
        ids: maybe(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 })),
        all: maybe(fc.boolean()),
        image: maybe(
          fc.record({
            contentBase64: maybe(fc.base64String({ maxLength: 64 })),
            contentType: maybe(fc.constantFrom('image/jpeg', 'image/png', 'image/webp')),
          }),
        ),
      },
      { requiredKeys: [] },
    ),
  );

  it('any action with any data, from a patient or a doctor, is never INTERNAL', async () => {
    await fc.assert(
      fc.asyncProperty(actionArb, dataArb, fc.boolean(), async (action, data, asDoctor) => {
        // The consult exists only once beforeAll ran: swap it in now.
        const real = (v: unknown) => (v === 'REAL' ? consultId : v);
        const body =
          data && typeof data === 'object' && !Array.isArray(data)
            ? {
                ...data,
                ...('consultId' in data ? { consultId: real(data.consultId) } : {}),
                ...('orderId' in data ? { orderId: real(data.orderId) } : {}),
              }
            : data;
        const r = await env.consult(action, body, asDoctor ? drWang : alice);
        if (!r.ok) {
          expect(r.error.code).not.toBe('INTERNAL');
          if (r.error.code === 'INVALID_ARGUMENT')
            expect(r.error.details?.issues?.[0]?.path).toMatch(/^(data|body|action)/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
