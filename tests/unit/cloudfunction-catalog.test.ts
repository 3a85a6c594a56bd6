/**
 * The deployable artefact itself: `npm run build:functions` output, required as CloudBase
 * would require it, with wx-server-sdk replaced by a fake that records what it is asked.
 * The real SDK is never loaded (its database calls reach the network).
 */
import { readFileSync } from 'node:fs';
import { buildFunctions } from '../../scripts/build-functions';

type Raw = Record<string, unknown> & { _id: string };
type Cond = Record<string, { op: string; args: unknown[] }>;

const mockSdk = {
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: jest.fn(),
  getWXContext: jest.fn((): Record<string, string> => ({})),
  database: jest.fn(),
};
jest.mock('wx-server-sdk', () => mockSdk);

const H1: Raw = {
  _id: 'h1',
  name: '复旦大学附属中山医院',
  shortName: '中山医院',
  grade: '三级甲等',
  gradeRank: 0,
  district: '徐汇区',
  address: '医学院路180号',
  phone: null,
  location: { type: 'Point', coordinates: [121.4553, 31.1963] },
  departments: ['心内科', '消化科'],
  departmentsText: '心内科 消化科',
  doctorCount: 2,
  source: 'test',
  coordSource: null,
};
const doctor = (id: string, department: string): Raw => ({ _id: id, hospitalId: 'h1', department });

/** Just enough of `cloud.database()` for catalog.getHospital, recording every call. */
function fakeDatabase(collections: Record<string, Raw[]>) {
  const calls: string[] = [];
  const command = new Proxy(
    {},
    {
      get:
        (_t, op: string) =>
        (...args: unknown[]) => ({ op, args }),
    },
  );
  const query = (name: string, cond: Cond = {}) => {
    const chain = {
      where: (c: Cond) => {
        calls.push(`${name}.where(${JSON.stringify(c)})`);
        return query(name, c);
      },
      orderBy: () => chain,
      skip: () => chain,
      limit: () => chain,
      get: async () => ({
        data: (collections[name] ?? []).filter((doc) =>
          Object.entries(cond).every(([field, c]) => c.op === 'eq' && doc[field] === c.args[0]),
        ),
      }),
      count: async () => ({ total: (await chain.get()).data.length }),
    };
    return chain;
  };
  return {
    calls,
    command,
    Geo: { Point: (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] }) },
    RegExp: (o: unknown) => o,
    runTransaction: () => Promise.reject(new Error('not in this test')),
    collection: (name: string) => ({
      ...query(name),
      doc: (id: string) => ({
        get: async () => {
          calls.push(`${name}.doc(${id}).get`);
          const found = (collections[name] ?? []).find((d) => d._id === id);
          if (!found) throw new Error(`document with _id ${id} does not exist`);
          return { data: found };
        },
      }),
    }),
  };
}

type Main = (event: unknown, context: unknown) => Promise<unknown>;
let main: Main;
let bundlePath: string;
let db: ReturnType<typeof fakeDatabase>;
let log: jest.SpyInstance;

beforeAll(async () => {
  const [built] = await buildFunctions({ only: ['catalog'] });
  bundlePath = built.file;
  db = fakeDatabase({
    hospitals: [H1],
    doctors: [doctor('d1', '心内科'), doctor('d2', '神经内科')],
  });
  mockSdk.database.mockReturnValue(db);
  log = jest.spyOn(console, 'log').mockImplementation(() => {});
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = (require(bundlePath) as { main: Main }).main;
}, 30_000);

afterAll(() => log.mockRestore());

describe('cloudfunctions/catalog/index.js (bundled)', () => {
  it('is self-contained: it requires only wx-server-sdk and Node built-ins', () => {
    const requires = [...readFileSync(bundlePath, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
      (m) => m[1],
    );
    expect(requires).toContain('wx-server-sdk');
    expect(requires.filter((r) => r !== 'wx-server-sdk' && !r.startsWith('node:'))).toEqual([]);
  });

  it('initialises the SDK for the env it runs in', () => {
    expect(mockSdk.init).toHaveBeenCalledTimes(1);
    expect(mockSdk.init).toHaveBeenCalledWith({ env: mockSdk.DYNAMIC_CURRENT_ENV });
  });

  it('answers getHospital with an ok envelope built from the CloudBase documents', async () => {
    mockSdk.getWXContext.mockReturnValue({ OPENID: 'o-user-1', CLIENTIP: '198.51.100.7' });
    db.calls.length = 0;
    const envelope = await main(
      { action: 'getHospital', data: { id: 'h1' }, userInfo: { openId: 'x' } },
      {},
    );
    expect(envelope).toEqual({
      ok: true,
      data: expect.objectContaining({
        id: 'h1',
        name: '复旦大学附属中山医院',
        location: { lat: 31.1963, lng: 121.4553, datum: 'WGS-84' },
        departmentList: [
          { name: '心内科', doctorCount: 1 },
          { name: '消化科', doctorCount: 0 },
          { name: '神经内科', doctorCount: 1 },
        ],
      }),
    });
    expect(db.calls).toEqual([
      'hospitals.doc(h1).get',
      'doctors.where({"hospitalId":{"op":"eq","args":["h1"]}})',
    ]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('"action":"getHospital","code":"OK"'));
  });

  it('serves browsing without an OPENID (single-page mode)', async () => {
    mockSdk.getWXContext.mockReturnValue({});
    const envelope = await main({ action: 'getHospital', data: { id: 'h1' } }, {});
    expect(envelope).toMatchObject({ ok: true, data: { id: 'h1' } });
  });

  it('answers NOT_FOUND and INVALID_ARGUMENT as envelopes, never throwing', async () => {
    await expect(main({ action: 'getHospital', data: { id: 'nope' } }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await expect(main({ action: 'getHospital', data: { id: '../x' } }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    await expect(main({ action: 'dropAll' }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await expect(main(null, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('opens the database once per container, not per call', () => {
    expect(mockSdk.database).toHaveBeenCalledTimes(1);
  });
});
