import type { ActionName, InputOf, OutputOf } from '../../../contract';
import type { SearchHit } from '../../../contract/catalog';
import { seedCatalog } from '../../../backend/catalog/seed';
import { makeEnv, expectOk, type TestEnv } from '../support/env';

// Issue 17 point 1: search as patients talk. Runs on SQLite and on the CloudBase emulator
// (projects backend and backend-cloudbase): both must give the same answers.
let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await seedCatalog(env.store);
});
afterAll(() => env.close());

const call = async <A extends ActionName<'catalog'>>(action: A, data: InputOf<'catalog', A>) =>
  expectOk<OutputOf<'catalog', A>>(await env.call('catalog', { action, data }));
const hospitalNames = (items: SearchHit[]) =>
  items.flatMap((h) => (h.kind === 'hospital' ? [h.hospital.name] : []));

describe('search that understands patients', () => {
  it('心内 and 心内科 find 心血管内科 doctors', async () => {
    for (const q of ['心内', '心内科']) {
      const r = await call('search', { q, kind: 'doctor', pageSize: 50 });
      expect(r.total).toBeGreaterThan(10);
      const departments = new Set(
        r.items.map((h) => (h.kind === 'doctor' ? h.doctor.department : '')),
      );
      expect(departments).toContain('心血管内科');
    }
  });

  it('六院 finds 上海市第六人民医院 first', async () => {
    const r = await call('search', { q: '六院', kind: 'hospital' });
    expect(hospitalNames(r.items)[0]).toBe('上海市第六人民医院');
  });

  it('pinyin and initials find 瑞金医院 (ruijin, RuiJin, rjyy)', async () => {
    for (const q of ['ruijin', 'RuiJin', 'rjyy']) {
      const r = await call('search', { q, kind: 'hospital' });
      expect(hospitalNames(r.items)).toContain('上海交通大学医学院附属瑞金医院');
    }
  });

  it('仁济东院 finds the east campus and not the others', async () => {
    const r = await call('search', { q: '仁济东院', kind: 'hospital' });
    expect(hospitalNames(r.items)).toEqual(['上海交通大学医学院附属仁济医院（东院）']);
  });

  it('胸痛 gives department guidance with the 120 notice; a plain name gives none', async () => {
    const r = await call('search', { q: '胸痛' });
    expect(r.guidance).toMatchObject({
      symptom: '胸痛',
      departments: ['心血管内科', '急诊科'],
      emergency: true,
    });
    expect(r.guidance?.notice).toContain('急症请拨打120');
    // Nothing is literally called 胸痛: the results are 心血管内科's, and it says so.
    expect(r.guidance?.resultsFor).toBe('心血管内科');
    expect(r.total).toBeGreaterThan(0);
    expect((await call('search', { q: '瑞金' })).guidance).toBeNull();
    const cough = await call('search', { q: '咳嗽' });
    expect(cough.guidance).toMatchObject({ emergency: false, departments: ['呼吸内科'] });
    expect(cough.guidance?.notice).not.toContain('120');
  });

  it('suggests departments by any name, symptoms, hospitals and doctors as you type', async () => {
    const heart = await call('suggest', { q: '心内' });
    expect(heart.items[0]).toMatchObject({ kind: 'department', text: '心血管内科', id: null });
    const six = await call('suggest', { q: '六院' });
    expect(six.items.find((s) => s.kind === 'hospital')).toMatchObject({
      text: '上海市第六人民医院',
      id: expect.any(String),
    });
    const chest = await call('suggest', { q: '胸' });
    expect(chest.items.some((s) => s.kind === 'symptom' && s.text === '胸痛')).toBe(true);
    expect((await call('suggest', { q: 'rj', limit: 3 })).items.length).toBeLessThanOrEqual(3);
    // Departments and symptoms alone can fill a small limit: it still holds.
    expect((await call('suggest', { q: '心', limit: 1 })).items).toHaveLength(1);
  });

  it('suggest rejects empty and oversized input with a typed error', async () => {
    for (const data of [{ q: '' }, { q: 'x'.repeat(51) }, { q: '心', limit: 99 }]) {
      const r = await env.call('catalog', { action: 'suggest', data });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });
});

describe('filters and sort', () => {
  it('全部医院 filters by department (any of its names) and district', async () => {
    const r = await call('listHospitals', { department: '儿科', district: '黄浦区', pageSize: 50 });
    expect(r.items.map((h) => h.name)).toContain('上海交通大学医学院附属瑞金医院');
    for (const h of r.items) {
      expect(h.district).toBe('黄浦区');
      expect(h.departments).toContain('儿科');
    }
    const obstetrics = await call('listHospitals', { department: '产科', pageSize: 50 });
    expect(obstetrics.total).toBeGreaterThan(0);
    for (const h of obstetrics.items) expect(h.name).not.toMatch(/儿童|儿科医院/);
  });

  it('orders hospitals by distance from the patient', async () => {
    const ruijin = { lat: 31.214545, lng: 121.461202 };
    const r = await call('listHospitals', { sort: 'distance', ...ruijin, pageSize: 5 });
    expect(r.items[0].name).toBe('上海交通大学医学院附属瑞金医院');
    expect(r.total).toBe(60);
    const page2 = await call('listHospitals', {
      sort: 'distance',
      ...ruijin,
      page: 2,
      pageSize: 5,
    });
    expect(page2.items.map((h) => h.id)).not.toContain(r.items[0].id);
  });

  it('distance order without a location is refused, not guessed', async () => {
    const r = await env.call('catalog', { action: 'listHospitals', data: { sort: 'distance' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('doctor lists filter by district and department synonym, sorted by rating', async () => {
    const r = await call('listDoctors', {
      department: '心内科',
      district: '徐汇区',
      sort: 'rating',
      pageSize: 50,
    });
    expect(r.total).toBeGreaterThan(0);
    const ratings = r.items.map((d) => d.rating);
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
    for (const d of r.items) expect(['心血管内科', '心内科']).toContain(d.department);
  });

  it('doctor lists sort by price and by distance', async () => {
    const cheap = await call('listDoctors', { sort: 'price', pageSize: 20 });
    const prices = cheap.items.map((d) => d.consultPrice);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const near = await call('listDoctors', {
      sort: 'distance',
      lat: 31.214545,
      lng: 121.461202,
      pageSize: 3,
    });
    expect(near.items[0].hospitalName).toBe('上海交通大学医学院附属瑞金医院');
  });
});
