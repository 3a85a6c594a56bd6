import { readFileSync } from 'node:fs';
import {
  BUNDLED_HOSPITALS_CSV,
  seedCatalog,
  seedCatalogIfEmpty,
} from '../../../backend/catalog/seed';
import { importCatalog, parseImportFile } from '../../../backend/catalog/import';
import { wgs84ToGcj02 } from '../../../contract/geo';
import { makeEnv, expectOk, type TestEnv } from '../support/env';

const HEADER =
  'name,short_name,grade,district,address,lat,lng,coord_system,coord_source,phone,departments,source';

let env: TestEnv;
beforeEach(() => {
  env = makeEnv();
});
afterEach(() => env.close());

const count = async (action: 'listHospitals' | 'listDoctors') =>
  expectOk<{ total: number }>(await env.call('catalog', { action, data: {} })).total;

describe('seed', () => {
  it('loads the 60 real hospitals once; a second run leaves the data alone', async () => {
    const first = await seedCatalogIfEmpty(env.store);
    expect(first).toMatchObject({ seeded: true, hospitals: 60 });
    expect(first.doctors).toBeGreaterThan(300);
    const again = await seedCatalogIfEmpty(env.store);
    expect(again).toMatchObject({ seeded: false, hospitals: 60, doctors: first.doctors });
    expect(await count('listDoctors')).toBe(first.doctors);
  });

  it('generates the same doctors on every run (deterministic)', async () => {
    await seedCatalog(env.store);
    const other = makeEnv();
    await seedCatalog(other.store);
    const a = expectOk(
      await env.call('catalog', { action: 'listDoctors', data: { pageSize: 50 } }),
    );
    const b = expectOk(
      await other.call('catalog', { action: 'listDoctors', data: { pageSize: 50 } }),
    );
    other.close();
    expect(a).toEqual(b);
  });
});

describe('import (operator data)', () => {
  it('reports each bad row by line and field and imports none of the file', async () => {
    const csv = [
      HEADER,
      '好医院,,三级甲等,黄浦区,上海市黄浦区某路1号,31.2,121.47,WGS-84,,021-1234567,内科|外科,',
      '坏纬度医院,,,黄浦区,上海市黄浦区某路2号,91,121.47,WGS-84,,,,',
      '"多行,地址医院",,,火星区,"上海市',
      '某路3号",31.2,121.4,BD-09,,,,',
      '缺列医院,,,黄浦区',
    ].join('\n');
    const r = await importCatalog(env.store, parseImportFile('ops.csv', csv));
    if (r.ok) throw new Error('accepted a bad file');
    const where = r.problems.map((p) => `${p.where} ${p.field}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '第 3 行 lat',
        '第 4 行 district',
        '第 4 行 coord_system',
        '第 6 行 (row)',
      ]),
    );
    expect(where.some((w) => w.startsWith('第 2 行'))).toBe(false);
    expect(await count('listHospitals')).toBe(0);
  });

  it('rejects unknown or missing columns before reading rows', async () => {
    const r = await importCatalog(env.store, parseImportFile('x.csv', 'name,colour\n医院,red\n'));
    expect(r.ok ? [] : r.problems[0]).toMatchObject({ where: '第 1 行', field: '(header)' });
  });

  it('imports the bundled file exactly, keeping its sources', async () => {
    const r = await importCatalog(
      env.store,
      parseImportFile('a.csv', readFileSync(BUNDLED_HOSPITALS_CSV, 'utf8')),
    );
    expect(r).toEqual({ ok: true, hospitals: 60, doctors: 0 });
    const page = expectOk<{ items: Array<{ hospital: { id: string } }> }>(
      await env.call('catalog', { action: 'search', data: { q: '瑞金', kind: 'hospital' } }),
    );
    const first = page.items[0];
    const h = expectOk<{ source: string }>(
      await env.call('catalog', { action: 'getHospital', data: { id: first.hospital.id } }),
    );
    expect(h.source).toContain('github.com/Bai-Yu-Lan/SH-COVID19');
  });

  it('JSON with doctors; GCJ-02 coordinates are stored as WGS-84; re-import updates instead of duplicating', async () => {
    const wgs = { lat: 31.2, lng: 121.45 };
    const gcj = wgs84ToGcj02(wgs.lat, wgs.lng);
    const file = {
      hospitals: [
        {
          name: '运营方测试医院',
          shortName: '测试医院',
          grade: '二级甲等',
          district: '静安区',
          address: '上海市静安区测试路9号',
          lat: gcj.lat,
          lng: gcj.lng,
          coordSystem: 'GCJ-02',
          departments: ['内科', '外科'],
        },
      ],
      doctors: [
        {
          name: '李真实',
          title: '主任医师',
          department: '内科',
          hospital: '运营方测试医院',
          consultPrice: 5000,
        },
      ],
    };
    const r = await importCatalog(env.store, parseImportFile('ops.json', JSON.stringify(file)));
    expect(r).toEqual({ ok: true, hospitals: 1, doctors: 1 });
    const again = await importCatalog(
      env.store,
      parseImportFile(
        'ops.json',
        JSON.stringify({ ...file, doctors: [{ ...file.doctors[0], consultPrice: 6000 }] }),
      ),
    );
    expect(again.ok).toBe(true);
    expect(await count('listHospitals')).toBe(1);
    expect(await count('listDoctors')).toBe(1);
    const docs = expectOk<{
      items: Array<{ consultPrice: number; synthetic: boolean; hospitalId: string }>;
    }>(await env.call('catalog', { action: 'listDoctors', data: {} }));
    expect(docs.items[0]).toMatchObject({ consultPrice: 6000, synthetic: false });
    const h = expectOk<{ location: { lat: number; lng: number }; doctorCount: number }>(
      await env.call('catalog', { action: 'getHospital', data: { id: docs.items[0].hospitalId } }),
    );
    expect(h.doctorCount).toBe(1);
    expect(Math.abs(h.location.lat - wgs.lat)).toBeLessThan(1e-6);
    expect(Math.abs(h.location.lng - wgs.lng)).toBeLessThan(1e-6);
  });

  it('a doctor whose hospital is nowhere is a problem, and nothing is imported', async () => {
    const r = await importCatalog(
      env.store,
      parseImportFile(
        'd.json',
        JSON.stringify({
          doctors: [
            {
              name: '王医生',
              title: '主治医师',
              department: '内科',
              hospital: '不存在医院',
              consultPrice: 0,
            },
          ],
        }),
      ),
    );
    expect(r.ok ? null : r.problems).toEqual([
      expect.objectContaining({ where: '/doctors/0', field: 'hospital' }),
    ]);
  });

  it('JSON problems are located by pointer; duplicate names are caught', async () => {
    const base = {
      district: '黄浦区',
      address: '上海市黄浦区某路1号',
      lat: 31.2,
      lng: 121.47,
      coord_system: 'WGS-84',
    };
    const r = await importCatalog(
      env.store,
      parseImportFile(
        'x.json',
        JSON.stringify({
          hospitals: [
            { ...base, name: '甲医院' },
            { ...base, name: '甲医院' },
            { ...base, name: '乙医院', lat: 'north' },
          ],
        }),
      ),
    );
    const got = r.ok ? [] : r.problems.map((p) => `${p.where} ${p.field}`);
    expect(got).toEqual(expect.arrayContaining(['/hospitals/2 lat', '/hospitals/1 name']));
    expect(await count('listHospitals')).toBe(0);
    const bad = await importCatalog(env.store, parseImportFile('y.json', '{not json'));
    expect(bad.ok ? null : bad.problems[0].field).toBe('(json)');
  });
});

describe('generated departments', () => {
  it('a maternity hospital without listed departments gets maternity departments, not 普外科', async () => {
    await seedCatalog(env.store);
    const r = expectOk<{ items: Array<{ hospital: { id: string; name: string } }> }>(
      await env.call('catalog', {
        action: 'search',
        data: { q: '第一妇婴保健院', kind: 'hospital' },
      }),
    );
    expect(r.items.length).toBeGreaterThan(0);
    for (const { hospital } of r.items) {
      const h = expectOk<{ departments: string[] }>(
        await env.call('catalog', { action: 'getHospital', data: { id: hospital.id } }),
      );
      expect(h.departments).toContain('产科');
      expect(h.departments).not.toContain('普外科');
    }
  });
});
