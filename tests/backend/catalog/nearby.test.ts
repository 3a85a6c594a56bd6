import type { ActionName, InputOf, OutputOf } from '../../../contract';
import { seedCatalog } from '../../../backend/catalog/seed';
import { makeEnv, expectOk, type TestEnv } from '../support/env';

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await seedCatalog(env.store);
});
afterAll(() => env.close());

const call = async <A extends ActionName<'catalog'>>(action: A, data: InputOf<'catalog', A>) =>
  expectOk<OutputOf<'catalog', A>>(await env.call('catalog', { action, data }));

/** Independent of the product's haversine: the spherical law of cosines, in the test. */
function metresBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const r = Math.PI / 180;
  const c =
    Math.sin(lat1 * r) * Math.sin(lat2 * r) +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lng2 - lng1) * r);
  return 6371008.8 * Math.acos(Math.min(1, Math.max(-1, c)));
}

const RUIJIN = { lat: 31.214545, lng: 121.461202 };

async function everyHospital() {
  const r = await call('listHospitals', { pageSize: 50 });
  const r2 = await call('listHospitals', { page: 2, pageSize: 50 });
  return [...r.items, ...r2.items];
}

describe('nearby (LOC)', () => {
  it('next to 瑞金医院, the first hospital is 瑞金医院, and the order matches distances computed here', async () => {
    const here = { lat: RUIJIN.lat + 0.0003, lng: RUIJIN.lng - 0.0002 }; // ~40 m away
    const r = await call('nearby', { ...here, kind: 'hospital', limit: 50, radiusMeters: 100_000 });
    expect(r.items[0].kind).toBe('hospital');
    const first = r.items[0];
    if (first.kind !== 'hospital') throw new Error('kind');
    expect(first.hospital.shortName).toBe('瑞金医院');
    expect(first.distanceMeters).toBeLessThan(60);

    const all = await everyHospital();
    const expected = all
      .map((h) => ({
        id: h.id,
        d: metresBetween(here.lat, here.lng, h.location.lat, h.location.lng),
      }))
      .filter((x) => x.d <= 100_000)
      .sort((a, b) => a.d - b.d)
      .slice(0, 50);
    const got = r.items.map((x) => (x.kind === 'hospital' ? x.hospital.id : ''));
    expect(got).toEqual(expected.map((x) => x.id));
    r.items.forEach((x, i) => expect(Math.abs(x.distanceMeters - expected[i].d)).toBeLessThan(2));
  });

  it('respects the radius and the limit', async () => {
    const r = await call('nearby', { ...RUIJIN, kind: 'hospital', radiusMeters: 3000, limit: 50 });
    expect(r.items.length).toBeGreaterThan(1);
    for (const x of r.items) expect(x.distanceMeters).toBeLessThanOrEqual(3000);
    const all = await everyHospital();
    const within = all.filter(
      (h) => metresBetween(RUIJIN.lat, RUIJIN.lng, h.location.lat, h.location.lng) <= 3000,
    );
    expect(r.items.length).toBe(within.length);
    const three = await call('nearby', { ...RUIJIN, kind: 'hospital', limit: 3 });
    expect(three.items).toHaveLength(3);
  });

  it('finds doctors nearest first, each at their hospital’s distance', async () => {
    const r = await call('nearby', { ...RUIJIN, kind: 'doctor', limit: 30 });
    expect(r.items.length).toBe(30);
    const d = r.items.map((x) => x.distanceMeters);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    const first = r.items[0];
    if (first.kind !== 'doctor') throw new Error('kind');
    expect(first.doctor.hospitalName).toBe('上海交通大学医学院附属瑞金医院');
  });

  it('far from Shanghai (Beijing) finds nothing within the default radius', async () => {
    const r = await call('nearby', { lat: 39.9042, lng: 116.4074, kind: 'hospital' });
    expect(r.items).toEqual([]);
  });
});

describe('recommend (LOC: the defaults when location is unknown)', () => {
  it('hospitals: top grade first, then closer to the city centre', async () => {
    const r = await call('recommend', { kind: 'hospital', limit: 10 });
    expect(r.items).toHaveLength(10);
    for (const x of r.items) {
      if (x.kind !== 'hospital') throw new Error('kind');
      expect(x.hospital.grade).toBe('三级甲等');
    }
    const centre = { lat: 31.2304, lng: 121.4737 };
    const d = r.items.map((x) =>
      x.kind === 'hospital'
        ? metresBetween(centre.lat, centre.lng, x.hospital.location.lat, x.hospital.location.lng)
        : 0,
    );
    expect(d).toEqual([...d].sort((a, b) => a - b));
  });

  it('doctors: senior and well rated, at most two from one hospital, the same for everyone', async () => {
    const r = await call('recommend', { kind: 'doctor', limit: 12 });
    expect(r.items).toHaveLength(12);
    const perHospital = new Map<string, number>();
    for (const x of r.items) {
      if (x.kind !== 'doctor') throw new Error('kind');
      perHospital.set(x.doctor.hospitalId, (perHospital.get(x.doctor.hospitalId) ?? 0) + 1);
    }
    expect(Math.max(...perHospital.values())).toBeLessThanOrEqual(2);
    const other = await env.call(
      'catalog',
      { action: 'recommend', data: { kind: 'doctor', limit: 12 } },
      {
        openid: 'someone-else',
        clientIp: '10.0.0.9',
      },
    );
    expect(expectOk(other)).toEqual(r);
  });
});
