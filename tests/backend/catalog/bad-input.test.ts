import fc from 'fast-check';
import { catalogActions } from '../../../contract/catalog';
import { seedCatalog } from '../../../backend/catalog/seed';
import { makeEnv, type TestEnv } from '../support/env';

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await seedCatalog(env.store);
});
afterAll(() => env.close());

async function expectInvalid(body: unknown, path: string) {
  const r = await env.call('catalog', body);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(body)}`);
  expect(r.error.code).toBe('INVALID_ARGUMENT');
  expect(r.error.details?.issues?.map((i) => i.path)).toContain(path);
  expect(r.error.message).toContain(path);
}

const valid: Record<string, Record<string, unknown>> = {
  listHospitals: { page: 1, pageSize: 10 },
  getHospital: { id: 'h_1' },
  listDoctors: { pageSize: 10 },
  getDoctor: { id: 'd_1' },
  listDepartments: {},
  search: { q: '瑞金' },
  suggest: { q: '瑞金' },
  nearby: { lat: 31.2, lng: 121.4, kind: 'hospital' },
  recommend: { kind: 'hospital' },
};

// SEC (issue 15): {"action":"search","data":{"q":"ab\u0000"}} was INTERNAL (SqliteError).
it.each(['ab\u0000', '\u0000', 'a\u0001b', 'ab\ud800', '瑞金\u001b[31m'])(
  'search q %j → INVALID_ARGUMENT at data.q, never INTERNAL',
  async (q) => {
    await expectInvalid({ action: 'search', data: { q } }, 'data.q');
  },
);

describe('every action rejects malformed input with INVALID_ARGUMENT and the field path', () => {
  const actions = Object.keys(catalogActions);

  it.each(actions)('%s: extra fields, null data, wrong-type data', async (action) => {
    await expectInvalid({ action, data: { ...valid[action], isAdmin: true } }, 'data.isAdmin');
    await expectInvalid({ action, data: null }, 'data');
    await expectInvalid({ action, data: [] }, 'data');
    await expectInvalid({ action, data: 'x' }, 'data');
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['listHospitals', { pageSize: 0 }, 'data.pageSize'],
    ['listHospitals', { pageSize: 51 }, 'data.pageSize'],
    ['listHospitals', { pageSize: 1e9 }, 'data.pageSize'],
    ['listHospitals', { pageSize: 1.5 }, 'data.pageSize'],
    ['listHospitals', { page: 0 }, 'data.page'],
    ['listHospitals', { page: '2' }, 'data.page'],
    ['listHospitals', { district: 12 }, 'data.district'],
    ['getHospital', {}, 'data.id'],
    ['getHospital', { id: 42 }, 'data.id'],
    ['getHospital', { id: '../etc/passwd' }, 'data.id'],
    ['getHospital', { id: { $ne: null } }, 'data.id'],
    ['listDoctors', { title: '神医' }, 'data.title'],
    ['listDoctors', { hospitalId: '' }, 'data.hospitalId'],
    ['listDoctors', { pageSize: 51 }, 'data.pageSize'],
    ['getDoctor', { id: null }, 'data.id'],
    ['listDepartments', { hospitalId: ['h_1'] }, 'data.hospitalId'],
    ['search', {}, 'data.q'],
    ['search', { q: '' }, 'data.q'],
    ['search', { q: '   ' }, 'data.q'],
    ['search', { q: '医'.repeat(51) }, 'data.q'],
    ['search', { q: '瑞金', kind: 'nurse' }, 'data.kind'],
    ['search', { q: '瑞金', pageSize: 0 }, 'data.pageSize'],
    ['search', { q: '瑞金', page: 21 }, 'data.page'],
    ['nearby', { lat: 91, lng: 121, kind: 'hospital' }, 'data.lat'],
    ['nearby', { lat: -91, lng: 121, kind: 'hospital' }, 'data.lat'],
    ['nearby', { lat: 31, lng: -181, kind: 'hospital' }, 'data.lng'],
    ['nearby', { lat: 31, lng: 181, kind: 'hospital' }, 'data.lng'],
    ['nearby', { lat: '31', lng: 121, kind: 'hospital' }, 'data.lat'],
    ['nearby', { lng: 121, kind: 'hospital' }, 'data.lat'],
    ['nearby', { lat: 31, lng: 121 }, 'data.kind'],
    ['nearby', { lat: 31, lng: 121, kind: 'all' }, 'data.kind'],
    ['nearby', { lat: 31, lng: 121, kind: 'hospital', limit: 0 }, 'data.limit'],
    ['nearby', { lat: 31, lng: 121, kind: 'hospital', limit: 51 }, 'data.limit'],
    ['nearby', { lat: 31, lng: 121, kind: 'hospital', radiusMeters: 1e9 }, 'data.radiusMeters'],
    ['recommend', { kind: 'x' }, 'data.kind'],
    ['recommend', { kind: 'doctor', limit: 1e9 }, 'data.limit'],
  ];

  it.each(cases)('%s %j → %s', async (action, data, path) => {
    await expectInvalid({ action, data }, path);
  });

  it('NaN and Infinity never reach a handler', async () => {
    // JSON cannot carry them, but a cloud function's event can.
    await expectInvalid(
      { action: 'nearby', data: { lat: NaN, lng: 121, kind: 'hospital' } },
      'data.lat',
    );
    await expectInvalid(
      { action: 'nearby', data: { lat: 31, lng: Infinity, kind: 'hospital' } },
      'data.lng',
    );
  });

  it('a body that is not { action, data } is INVALID_ARGUMENT; an unknown action is NOT_FOUND', async () => {
    await expectInvalid(null, 'body');
    await expectInvalid('listHospitals', 'body');
    await expectInvalid({ data: {} }, 'action');
    await expectInvalid({ action: 7, data: {} }, 'action');
    await expectInvalid({ action: 'search', data: { q: 'x' }, openid: 'victim' }, 'body.openid');
    const r = await env.call('catalog', { action: 'dropAll', data: {} });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const proto = await env.call('catalog', { action: '__proto__', data: {} });
    expect(proto).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('no input produces INTERNAL (property)', () => {
  const actionArb = fc.oneof(fc.constantFrom(...Object.keys(catalogActions)), fc.string());
  const dataArb = fc.oneof(
    fc.anything(),
    fc.record(
      {
        q: fc.oneof(fc.string({ maxLength: 60 }), fc.anything()),
        kind: fc.oneof(fc.constantFrom('hospital', 'doctor', 'all'), fc.anything()),
        lat: fc.oneof(fc.double(), fc.anything()),
        lng: fc.oneof(fc.double(), fc.anything()),
        page: fc.oneof(fc.integer(), fc.anything()),
        pageSize: fc.oneof(fc.integer(), fc.anything()),
        id: fc.oneof(fc.string(), fc.anything()),
        hospitalId: fc.oneof(fc.string(), fc.anything()),
        radiusMeters: fc.oneof(fc.integer(), fc.double()),
        limit: fc.integer(),
      },
      { requiredKeys: [] },
    ),
  );

  it('any action with any data answers an envelope that is never INTERNAL', async () => {
    await fc.assert(
      fc.asyncProperty(actionArb, dataArb, async (action, data) => {
        const r = await env.call('catalog', { action, data });
        if (!r.ok) expect(r.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: 400 },
    );
  });
});
