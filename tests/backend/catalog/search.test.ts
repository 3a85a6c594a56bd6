import type { ActionName, InputOf, OutputOf } from '../../../contract';
import type { SearchHit } from '../../../contract/catalog';
import { seedCatalog } from '../../../backend/catalog/seed';
import { importCatalog, parseImportFile } from '../../../backend/catalog/import';
import { makeEnv, expectOk, type TestEnv } from '../support/env';

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await seedCatalog(env.store);
});
afterAll(() => env.close());

const call = async <A extends ActionName<'catalog'>>(action: A, data: InputOf<'catalog', A>) =>
  expectOk<OutputOf<'catalog', A>>(await env.call('catalog', { action, data }));
const label = (h: SearchHit) => (h.kind === 'hospital' ? h.hospital.name : h.doctor.name);

describe('search', () => {
  it('瑞金 finds 瑞金医院 first among hospitals', async () => {
    const r = await call('search', { q: '瑞金', kind: 'hospital' });
    expect(r.items[0]).toMatchObject({ kind: 'hospital', hospital: { shortName: '瑞金医院' } });
  });

  it('finds doctors by department and by specialty (Chinese substrings of 2+ characters)', async () => {
    const byDept = await call('search', { q: '眼科', kind: 'doctor', pageSize: 50 });
    expect(byDept.total).toBeGreaterThan(0);
    for (const h of byDept.items) {
      if (h.kind !== 'doctor') throw new Error('kind');
      expect(
        `${h.doctor.department}${h.doctor.specialties.join()}${h.doctor.name}${h.doctor.hospitalName}`,
      ).toContain('眼科');
    }
    const bySpecialty = await call('search', { q: '白内障', kind: 'doctor' });
    expect(bySpecialty.total).toBeGreaterThan(0);
    for (const h of bySpecialty.items)
      if (h.kind === 'doctor') expect(h.doctor.specialties).toContain('白内障');
  });

  it('a one-character query works too', async () => {
    const r = await call('search', { q: '眼', kind: 'all' });
    expect(r.total).toBeGreaterThan(0);
  });

  it('ranks an exact doctor name above everything else in 全部', async () => {
    const someone = (await call('listDoctors', { pageSize: 1, title: '主治医师' })).items[0];
    const r = await call('search', { q: someone.name });
    expect(r.items[0]).toMatchObject({ kind: 'doctor', doctor: { id: someone.id } });
  });

  it('ranks exact, then prefix, then substring of the name, then other fields', async () => {
    const row = (name: string, departments: string) => ({
      name,
      district: '黄浦区',
      address: '上海市黄浦区测试路1号',
      lat: 31.22,
      lng: 121.47,
      coord_system: 'WGS-84',
      departments,
    });
    const parsed = parseImportFile(
      'x.json',
      JSON.stringify({
        hospitals: [
          row('上海测序医院', ''),
          row('测序', ''),
          row('测序中心医院', ''),
          row('普通医院甲', '测序科'),
        ],
      }),
    );
    const result = await importCatalog(env.store, parsed);
    expect(result).toMatchObject({ ok: true, hospitals: 4 });
    const r = await call('search', { q: '测序', kind: 'hospital' });
    expect(r.items.map(label)).toEqual(['测序', '测序中心医院', '上海测序医院', '普通医院甲']);
  });

  it('pages of 全部 add up to the whole list, with no duplicates', async () => {
    const whole = await call('search', { q: '医', pageSize: 40 });
    const pages: SearchHit[] = [];
    for (let page = 1; page <= 4; page++)
      pages.push(...(await call('search', { q: '医', page, pageSize: 10 })).items);
    expect(pages.map(label)).toEqual(whole.items.map(label));
    expect(whole.total).toBeGreaterThan(40);
  });

  it('treats SQL and full-text operators as plain text', async () => {
    for (const q of [
      "'",
      '%',
      '_',
      '"',
      '医" OR "1',
      'NEAR(a b)',
      '*',
      '\\',
      "'; DROP TABLE hospitals; --",
    ]) {
      const r = await env.call('catalog', { action: 'search', data: { q } });
      expect(r.ok).toBe(true);
    }
    expect((await call('listHospitals', {})).total).toBeGreaterThanOrEqual(60);
  });

  it('a query with no match answers an empty page', async () => {
    const r = await call('search', { q: '不存在的医院名字' });
    expect(r).toMatchObject({ items: [], total: 0, hasMore: false });
  });
});
