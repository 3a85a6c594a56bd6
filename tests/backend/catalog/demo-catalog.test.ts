import type { ActionName, InputOf, OutputOf } from '../../../contract';
import { bundledHospitals, seedCatalog, seedCatalogIfEmpty } from '../../../backend/catalog/seed';
import { syntheticDoctorsFor } from '../../../backend/catalog/seed/synthetic-doctors';
import { typicalDepartments } from '../../../backend/catalog/seed/departments';
import { specialtiesOf } from '../../../backend/catalog/seed/specialties';
import { makeEnv, expectOk, type TestEnv } from '../support/env';

// Issue 17 point 10: a demo catalogue that reads like real hospitals, still labelled demo.
let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await seedCatalog(env.store);
});
afterAll(() => env.close());

const call = async <A extends ActionName<'catalog'>>(action: A, data: InputOf<'catalog', A>) =>
  expectOk<OutputOf<'catalog', A>>(await env.call('catalog', { action, data }));

describe('demo catalogue', () => {
  it('瑞金 lists its own departments and the typical ones, 心血管内科 and 儿科 among them', async () => {
    const ruijin = (await call('search', { q: '瑞金医院', kind: 'hospital' })).items[0];
    if (ruijin?.kind !== 'hospital') throw new Error('瑞金 not found');
    const h = await call('getHospital', { id: ruijin.hospital.id });
    const names = h.departmentList.map((d) => d.name);
    expect(names.slice(0, 5)).toEqual(['内分泌代谢科', '血液科', '烧伤科', '创伤骨科', '消化外科']);
    expect(names).toEqual(expect.arrayContaining(['心血管内科', '儿科', '急诊科']));
    expect(names).not.toContain('内分泌科'); // already there as 内分泌代谢科
    expect(names.length).toBeGreaterThan(20);
    for (const d of h.departmentList) expect(d.doctorCount).toBeGreaterThan(0);
  });

  it('children’s hospitals have no 产科 or 妇科; maternity hospitals no 骨科', () => {
    for (const h of bundledHospitals()) {
      if (/儿童|儿科医院/.test(h.name)) {
        expect(h.departments).not.toContain('产科');
        expect(h.departments).not.toContain('妇科');
      }
      if (/妇婴|妇产|妇幼/.test(h.name)) expect(h.departments).not.toContain('骨科');
    }
  });

  it('every demo department has real-sounding specialties, never “某科常见病”', async () => {
    for (const h of bundledHospitals())
      for (const d of [...h.departments, ...typicalDepartments(h.name, h.grade)])
        expect(specialtiesOf(d).length).toBeGreaterThan(0);
    const r = await call('listDoctors', { pageSize: 50 });
    for (const d of r.items) {
      expect(d.synthetic).toBe(true);
      expect(d.name.startsWith('示例·')).toBe(true);
      for (const s of d.specialties) expect(s).not.toMatch(/常见病|疑难病/);
    }
  });
});

describe('a catalog stored before the search terms existed', () => {
  it('gets keywords and doctor districts at the next start, then 六院 and ruijin find it', async () => {
    const old = makeEnv();
    try {
      // As an older version stored them: no keywords, no district on doctors.
      const hospitals = bundledHospitals().map(({ keywords: _k, ...h }) => h);
      await old.store.insertMany('hospitals', hospitals);
      const sixth = hospitals.find((h) => h.name === '上海市第六人民医院');
      if (!sixth) throw new Error('上海市第六人民医院 missing from the bundled data');
      const { keywords: _kw, district: _d, ...doctor } = syntheticDoctorsFor(sixth)[0];
      await old.store.insert('doctors', doctor);
      const search = async (q: string) =>
        expectOk<OutputOf<'catalog', 'search'>>(
          await old.call('catalog', { action: 'search', data: { q, kind: 'hospital' } }),
        );
      expect((await search('ruijin')).total).toBe(0);

      await seedCatalogIfEmpty(old.store);
      expect((await search('ruijin')).total).toBeGreaterThan(0);
      const six = (await search('六院')).items[0];
      expect(six?.kind === 'hospital' && six.hospital.name).toBe('上海市第六人民医院');
      const doctors = await old.call('catalog', {
        action: 'listDoctors',
        data: { district: '徐汇区' },
      });
      expect(doctors).toMatchObject({ ok: true, data: { total: 1 } });
    } finally {
      old.close();
    }
  });
});
