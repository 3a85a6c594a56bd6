import { find } from 'mingo';
import type { CloudbaseEmulator } from './emulator';
import { allows, withOpenid, type DatabaseRules } from './rules';
import { clone, encode, type Doc } from './wire';

/**
 * The mini-program's own `wx.cloud.database()` for one user, answered by the emulator with
 * database-rules.json applied for the caller's openid. A read the rules forbid is refused the
 * way CloudBase refuses it (errCode -502003, "database permission denied"). Client reads return
 * at most 20 records (Collection.limit: "在小程序端默认及最大上限为 20").
 */

export const CLIENT_MAX_LIMIT = 20;
export const PERMISSION_DENIED = -502003;

export class PermissionDenied extends Error {
  readonly errCode = PERMISSION_DENIED;
  constructor(collection: string) {
    super(`${collection}: database permission denied (the query is not within the security rule)`);
    this.name = 'PermissionDenied';
  }
}

/** What `watch` hands `onChange` (RealtimeListener snapshot: id, docs, docChanges, type). */
export interface Snapshot {
  id: number;
  type?: 'init';
  docs: Doc[];
  docChanges: Array<{ dataType: 'init' | 'update'; doc: Doc }>;
}

export interface WatchOptions {
  onChange: (snapshot: Snapshot) => void;
  onError: (error: Error) => void;
}

export function clientDatabase(emulator: CloudbaseEmulator, rules: DatabaseRules, openid: string) {
  const readRule = (collection: string) => rules.collections[collection]?.read ?? false;

  const query = (collection: string, raw: Doc) => {
    const where = withOpenid(raw, openid);
    const check = () => {
      if (!allows(readRule(collection), where, openid)) throw new PermissionDenied(collection);
    };
    const read = () =>
      (find(emulator.store.all(collection), where).limit(CLIENT_MAX_LIMIT).all() as Doc[]).map(
        clone,
      );
    return {
      async get(): Promise<{ data: Doc[] }> {
        check();
        return { data: read() };
      },
      /** Changes arrive as snapshots; the first is the current state (type 'init'). */
      watch({ onChange, onError }: WatchOptions) {
        let closed = false;
        let seen = '';
        let id = 0;
        const push = (init: boolean) => {
          if (closed) return;
          const docs = read();
          const text = docs.map(encode).join('\n');
          if (!init && text === seen) return;
          seen = text;
          const dataType = init ? 'init' : 'update';
          onChange({
            id: id++,
            ...(init ? { type: 'init' as const } : {}),
            docs,
            docChanges: docs.map((doc) => ({ dataType, doc })),
          });
        };
        let stop = () => {};
        queueMicrotask(() => {
          if (closed) return;
          try {
            check();
          } catch (err) {
            onError(err as Error);
            return;
          }
          push(true);
          stop = emulator.store.onChange((changed) => {
            if (changed === collection) push(false);
          });
        });
        return {
          close: async () => {
            closed = true;
            stop();
          },
        };
      },
    };
  };

  /**
   * A write from the mini-program: allowed only by the collection's write rule (create checks
   * the new record), and stamped with the caller's `_openid`, which the client may not set
   * ("创建记录时，会自动给记录加上 _openid 字段 … 不允许用户在创建记录时尝试设置 _openid").
   */
  const add = async (collection: string, data: Doc): Promise<{ _id: string }> => {
    if ('_openid' in data) throw new PermissionDenied(collection);
    const doc = { ...data, _openid: openid };
    if (!allows(rules.collections[collection]?.write ?? false, doc, openid))
      throw new PermissionDenied(collection);
    return { _id: emulator.store.insert(collection, doc) };
  };

  return {
    collection: (name: string) => ({
      add: ({ data }: { data: Doc }) => add(name, data),
      where: (raw: Doc) => query(name, raw),
      doc: (id: string) => ({
        get: async () => {
          const { data } = await query(name, { _id: id }).get();
          return { data: data[0] ?? null };
        },
      }),
    }),
  };
}
