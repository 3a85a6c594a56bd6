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

describe('listHospitals', () => {
  it('pages through all 60 real hospitals, each once, best grade first', async () => {
    const seen: string[] = [];
    let page = 1;
    let ranks: string[] = [];
    for (;;) {
      const r = await call('listHospitals', { page, pageSize: 25 });
      expect(r.total).toBe(60);
      seen.push(...r.items.map((h) => h.id));
      ranks = ranks.concat(r.items.map((h) => h.grade ?? '~'));
      if (!r.hasMore) break;
      page++;
    }
    expect(page).toBe(3);
    expect(new Set(seen).size).toBe(60);
    // 三级甲等 rows come before ungraded ones.
    const lastTop = ranks.lastIndexOf('三级甲等');
    const firstUngraded = ranks.indexOf('~');
    expect(lastTop).toBeLessThan(firstUngraded);
  });

  it('filters by district and grade', async () => {
    const r = await call('listHospitals', { district: '黄浦区', grade: '三级甲等', pageSize: 50 });
    expect(r.items.length).toBeGreaterThan(0);
    for (const h of r.items) {
      expect(h.district).toBe('黄浦区');
      expect(h.grade).toBe('三级甲等');
    }
    expect(r.items.map((h) => h.shortName)).toContain('瑞金医院');
  });

  it('answers an empty page past the end, not an error', async () => {
    const r = await call('listHospitals', { page: 100, pageSize: 50 });
    expect(r).toMatchObject({ items: [], total: 60, hasMore: false });
  });
});

describe('getHospital', () => {
  it('returns the hospital with its departments and doctor counts that add up', async () => {
    const list = await call('listHospitals', { district: '黄浦区', pageSize: 50 });
    const ruijin = list.items.find((h) => h.shortName === '瑞金医院');
    expect(ruijin).toBeDefined();
    const h = await call('getHospital', { id: ruijin!.id });
    expect(h.name).toBe('上海交通大学医学院附属瑞金医院');
    expect(h.location.datum).toBe('WGS-84');
    expect(h.source).toContain('SH-COVID19');
    expect(h.departmentList.map((d) => d.name)).toEqual(
      expect.arrayContaining(['内分泌代谢科', '血液科', '烧伤科']),
    );
    const sum = h.departmentList.reduce((n, d) => n + d.doctorCount, 0);
    expect(sum).toBe(h.doctorCount);
    expect(h.doctorCount).toBeGreaterThan(0);
  });

  it('says NOT_FOUND for an unknown id', async () => {
    const r = await env.call('catalog', { action: 'getHospital', data: { id: 'h_nope' } });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '医院不存在' } });
  });
});

describe('doctors', () => {
  it('lists a hospital department’s doctors, senior first, and every one is marked synthetic', async () => {
    const hospitals = await call('listHospitals', { pageSize: 1 });
    const hospital = await call('getHospital', { id: hospitals.items[0].id });
    const dept = hospital.departmentList.find((d) => d.doctorCount > 0)!;
    const r = await call('listDoctors', {
      hospitalId: hospital.id,
      department: dept.name,
      pageSize: 50,
    });
    expect(r.total).toBe(dept.doctorCount);
    const order = ['主任医师', '副主任医师', '主治医师', '住院医师'];
    const ranks = r.items.map((d) => order.indexOf(d.title));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const d of r.items) {
      expect(d).toMatchObject({ hospitalId: hospital.id, department: dept.name, synthetic: true });
      expect(d.name.startsWith('示例·')).toBe(true);
    }
  });

  it('filters by title across the city', async () => {
    const r = await call('listDoctors', { title: '住院医师', pageSize: 50 });
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.every((d) => d.title === '住院医师')).toBe(true);
  });

  it('getDoctor returns the card with its hospital; unknown → NOT_FOUND', async () => {
    const one = (await call('listDoctors', { pageSize: 1 })).items[0];
    const d = await call('getDoctor', { id: one.id });
    expect(d).toMatchObject({ id: one.id, name: one.name, hospital: { id: one.hospitalId } });
    expect(d.bio).toContain('演示数据');
    expect(d.consultPrice).toBeGreaterThanOrEqual(0);
    const missing = await env.call('catalog', { action: 'getDoctor', data: { id: 'd_missing' } });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});

describe('listDepartments', () => {
  it('counts every doctor once across the city', async () => {
    const all = await call('listDepartments', {});
    const doctors = await call('listDoctors', { pageSize: 1 });
    expect(all.items.reduce((n, d) => n + d.doctorCount, 0)).toBe(doctors.total);
    const counts = all.items.map((d) => d.doctorCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('for one hospital, and NOT_FOUND for an unknown one', async () => {
    const h = (await call('listHospitals', { pageSize: 1 })).items[0];
    const r = await call('listDepartments', { hospitalId: h.id });
    expect(r.items.map((d) => d.name)).toEqual(expect.arrayContaining(h.departments));
    const missing = await env.call('catalog', {
      action: 'listDepartments',
      data: { hospitalId: 'h_x' },
    });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});
