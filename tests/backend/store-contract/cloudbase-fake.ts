import type {
  CbAggregate,
  CbCollection,
  CbCommand,
  CbDocRef,
  CbQuery,
  CbTransaction,
  CloudbaseDatabase,
} from '../../../backend/adapters/cloudbase/types';

/**
 * A hand-written stand-in for wx-server-sdk's `cloud.database()`: every call is recorded in
 * order in `log` (chains flattened: `['collection', 'items'], ['where', …], ['get']`), and
 * terminal calls answer from queues the test fills. It never touches the network.
 */

export type Call = [string, ...unknown[]];

/** What the fake's command helpers build, so tests can write the expected conditions. */
export const C = {
  eq: (v: unknown) => ({ cmd: 'eq', args: [v] }),
  neq: (v: unknown) => ({ cmd: 'neq', args: [v] }),
  gt: (v: unknown) => ({ cmd: 'gt', args: [v] }),
  gte: (v: unknown) => ({ cmd: 'gte', args: [v] }),
  lt: (v: unknown) => ({ cmd: 'lt', args: [v] }),
  lte: (v: unknown) => ({ cmd: 'lte', args: [v] }),
  in: (v: unknown[]) => ({ cmd: 'in', args: [v] }),
  and: (...v: unknown[]) => ({ cmd: 'and', args: v }),
  or: (...v: unknown[]) => ({ cmd: 'or', args: v }),
  inc: (n: number) => ({ cmd: 'inc', args: [n] }),
  set: (v: unknown) => ({ cmd: 'set', args: [v] }),
  remove: () => ({ cmd: 'remove', args: [] }),
  point: (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] }),
  regexp: (regexp: string, options: string) => ({ regexp, options }),
};

type Terminal =
  | 'get'
  | 'count'
  | 'update'
  | 'remove'
  | 'add'
  | 'end'
  | 'doc.get'
  | 'doc.set'
  | 'doc.update'
  | 'doc.remove'
  | 'tx.get'
  | 'tx.set'
  | 'tx.update'
  | 'tx.remove';

const notFound = () => new Error('document.get:fail document with _id x does not exist');

const DEFAULTS: Record<Terminal, () => unknown> = {
  get: () => ({ data: [] }),
  count: () => ({ total: 0 }),
  update: () => ({ stats: { updated: 1 } }),
  remove: () => ({ stats: { removed: 1 } }),
  add: () => ({ _id: 'server-id' }),
  end: () => ({ list: [] }),
  'doc.get': () => notFound(),
  'doc.set': () => ({ stats: { updated: 0, created: 1 } }),
  'doc.update': () => ({ stats: { updated: 1 } }),
  'doc.remove': () => ({ stats: { removed: 1 } }),
  'tx.get': () => notFound(),
  'tx.set': () => ({}),
  'tx.update': () => ({ stats: { updated: 1 } }),
  'tx.remove': () => ({ stats: { removed: 1 } }),
};

export function fakeDatabase() {
  const log: Call[] = [];
  const queues = new Map<Terminal, unknown[]>();

  /** Next queued answer (an Error rejects), else the default. */
  function answer<T>(name: Terminal, ...args: unknown[]): Promise<T> {
    log.push([name, ...args]);
    const queue = queues.get(name) ?? [];
    const next = queue.length > 0 ? queue.shift() : DEFAULTS[name]();
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next as T);
  }

  const command: CbCommand = {
    eq: jest.fn(C.eq),
    neq: jest.fn(C.neq),
    gt: jest.fn(C.gt),
    gte: jest.fn(C.gte),
    lt: jest.fn(C.lt),
    lte: jest.fn(C.lte),
    in: jest.fn(C.in),
    and: jest.fn(C.and),
    or: jest.fn(C.or),
    inc: jest.fn(C.inc),
    set: jest.fn(C.set),
    remove: jest.fn(C.remove),
  };

  const query = (): CbQuery => {
    const q: CbQuery = {
      where: jest.fn((c: unknown) => (log.push(['where', c]), q)),
      orderBy: jest.fn((f: string, d: 'asc' | 'desc') => (log.push(['orderBy', f, d]), q)),
      skip: jest.fn((n: number) => (log.push(['skip', n]), q)),
      limit: jest.fn((n: number) => (log.push(['limit', n]), q)),
      get: jest.fn(() => answer('get')),
      count: jest.fn(() => answer('count')),
      update: jest.fn((o: unknown) => answer('update', o)),
      remove: jest.fn(() => answer('remove')),
    };
    return q;
  };

  const docRef = (prefix: 'doc' | 'tx', id: string): CbDocRef => ({
    get: jest.fn(() => answer(`${prefix}.get`, id)),
    set: jest.fn((o: unknown) => answer(`${prefix}.set`, id, o)),
    update: jest.fn((o: unknown) => answer(`${prefix}.update`, id, o)),
    remove: jest.fn(() => answer(`${prefix}.remove`, id)),
  });

  const aggregate = (): CbAggregate => {
    const a: CbAggregate = {
      geoNear: jest.fn((o: unknown) => (log.push(['geoNear', o]), a)),
      limit: jest.fn((n: number) => (log.push(['limit', n]), a)),
      end: jest.fn(() => answer('end')),
    };
    return a;
  };

  const collection = (name: string): CbCollection => {
    log.push(['collection', name]);
    return {
      ...query(),
      doc: jest.fn((id: string) => docRef('doc', id)),
      add: jest.fn((o: unknown) => answer('add', o)),
      aggregate: jest.fn(() => (log.push(['aggregate']), aggregate())),
    };
  };

  const tx: CbTransaction = {
    collection: jest.fn(
      (name: string) => (
        log.push(['tx.collection', name]),
        { doc: (id: string) => docRef('tx', id) }
      ),
    ),
  };

  const db: CloudbaseDatabase = {
    command,
    Geo: { Point: jest.fn(C.point) },
    RegExp: jest.fn((o: { regexp: string; options: string }) => C.regexp(o.regexp, o.options)),
    collection: jest.fn(collection),
    // Like the SDK: commit when the work resolves, roll back (and rethrow) when it throws.
    runTransaction: jest.fn(async <R>(work: (t: CbTransaction) => Promise<R>): Promise<R> => {
      log.push(['runTransaction']);
      try {
        const result = await work(tx);
        log.push(['commit']);
        return result;
      } catch (err) {
        log.push(['rollback']);
        throw err;
      }
    }),
  };

  return {
    db,
    log,
    /** Queues answers for the next calls of `name` (an Error makes that call reject). */
    respond(name: Terminal, ...values: unknown[]) {
      queues.set(name, [...(queues.get(name) ?? []), ...values]);
    },
    notFound,
  };
}
