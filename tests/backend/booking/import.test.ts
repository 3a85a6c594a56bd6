/**
 * `npm run import` for booking: hospitals' configurations and the platform's schedules, with
 * the catalog import's all-or-nothing validation (every problem reported, nothing written).
 */
import { BOOKING_CONFIGS, BOOKING_SLOTS, DOCTORS, HOSPITALS } from '../../../backend/collections';
import { doctorIdOf, hospitalIdOf } from '../../../backend/catalog/ids';
import { importSchedules } from '../../../backend/booking/import';
import { doctorDoc } from '../consult/support';
import { makeEnv, type TestEnv } from '../support/env';

let env: TestEnv;
const H = '示例人民医院';
const hid = hospitalIdOf(H);
const did = doctorIdOf(hid, '皮肤科', '王医生');

beforeEach(async () => {
  env = makeEnv();
  await env.store.insert(HOSPITALS.name, { _id: hid, name: H });
  await env.store.insert(DOCTORS.name, { ...doctorDoc(did, '王医生', 0), hospitalId: hid });
});
afterEach(() => env.close());

const config = {
  hospital: H,
  adapter: 'platform',
  payAt: 'online',
  subMchId: '1900000109',
  rules: { releaseHour: 8 },
};
const row = {
  hospital: H,
  department: '皮肤科',
  doctor: '王医生',
  date: '2026-12-01',
  period: 'am',
  capacity: 20,
  feeFen: 2500,
};

it('imports configurations and slots', async () => {
  const r = await importSchedules(
    env.store,
    { bookingConfigs: [config], schedules: [row, { ...row, period: 'pm' }] },
    env.clock.now(),
  );
  expect(r).toEqual({ ok: true, configs: 1, slots: 2 });
  expect(await env.store.get(BOOKING_CONFIGS.name, hid)).toMatchObject({
    adapter: 'platform',
    subMchId: '1900000109',
    rules: { releaseHour: 8 },
  });
  expect(await env.store.count(BOOKING_SLOTS.name, { doctorId: did })).toBe(2);
});

it('reports every problem and writes nothing', async () => {
  const r = await importSchedules(
    env.store,
    {
      bookingConfigs: [
        config,
        { ...config, adapter: 'his' },
        { ...config, hospital: '不存在医院' },
      ],
      schedules: [
        row,
        row,
        { ...row, doctor: '无此人' },
        { ...row, date: '2026-02-30' },
        { ...row, capacity: -1 },
      ],
      extra: 1,
    },
    env.clock.now(),
  );
  if (r.ok) throw new Error('expected problems');
  const where = r.problems.map((p) => `${p.where} ${p.field}`);
  expect(where).toEqual(
    expect.arrayContaining([
      '/extra extra',
      '/bookingConfigs/1 his',
      '/bookingConfigs/2 hospital',
      '/schedules/1 period',
      '/schedules/2 doctor',
      '/schedules/3 date',
      '/schedules/4 capacity',
    ]),
  );
  expect(await env.store.count(BOOKING_CONFIGS.name, {})).toBe(0);
  expect(await env.store.count(BOOKING_SLOTS.name, {})).toBe(0);
});

it('refuses schedules for a hospital whose slots come from its HIS', async () => {
  const his = {
    ...config,
    adapter: 'his',
    his: { baseUrl: 'https://his.hospital.invalid/api', token: 'a-long-enough-token' },
  };
  const r = await importSchedules(
    env.store,
    { bookingConfigs: [his], schedules: [row] },
    env.clock.now(),
  );
  expect(r.ok).toBe(false);
});
