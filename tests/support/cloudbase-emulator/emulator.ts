import { aggregate, find, Query } from 'mingo';
import { geoNear, pointOf, valueAt, type GeoIndexes } from './geo';
import { Collections, serverId, type Tx } from './store';
import { clone, CODES, decode, encode, EmulatorError, type Doc, type WireError } from './wire';

/**
 * A CloudBase database answering the requests @cloudbase/database sends (the layer under
 * wx-server-sdk's `cloud.database()`): `send(action, params)` → the server's answer. Queries
 * are matched with mingo (MongoDB's query language). Each limit cites its source.
 */

/**
 * `get()` returns 100 records when no limit is given and never more than 1000: the installed
 * SDK clamps (@cloudbase/database dist/commonjs/query.js: `limit < 1000 ? limit : 1000`, else
 * 100) and the docs say so (Collection.get: "云函数端：如果没有指定 limit，则默认且最多取
 * 100 条记录"; Collection.limit: "在云函数端默认及最大上限为 1000").
 */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/**
 * One request's payload from a cloud function: 5 MB ("云端(云函数):单次add、update操作数据大小
 * 不超过 5MB", summarised from the official limits at cnblogs.com/soarowl/p/18863842).
 */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

/** The transaction guide: "在事务中不支持批量操作（where 语句），只支持单记录操作". */
export const QUERY_IN_TRANSACTION =
  '事务中不支持批量操作（where 语句），只支持单记录操作（collection.doc, collection.add）';

export interface EmulatorOptions {
  /** Geo (2dsphere) indexes by collection: geoNear needs one ("必须有地理位置索引"). */
  geoIndexes?: GeoIndexes;
  /** How long a plain write waits for a transaction's lock before it fails. */
  lockWaitMs?: number;
  maxRequestBytes?: number;
}

export interface LoggedRequest {
  action: string;
  params: Doc;
}

const ok = (data: unknown) => ({ requestId: serverId(), data });

function idOf(query: Doc): string {
  const id = query._id;
  if (typeof id !== 'string' && typeof id !== 'number')
    throw new EmulatorError(CODES.invalid, 'a document request needs { _id }');
  return String(id);
}

export class CloudbaseEmulator {
  readonly store: Collections;
  /** Every request, in order: tests may check what crossed the wire. */
  readonly requests: LoggedRequest[] = [];
  private readonly geoIndexes: GeoIndexes;
  private readonly maxRequestBytes: number;

  constructor(options: EmulatorOptions = {}) {
    this.store = new Collections(options.lockWaitMs ?? 2000);
    this.geoIndexes = options.geoIndexes ?? {};
    this.maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  }

  /** The wire entry point: answers like the server, errors as `{ code, message }`. */
  async send(action: string, params: Doc = {}): Promise<unknown> {
    this.requests.push({ action, params });
    try {
      const size = Buffer.byteLength(JSON.stringify(params));
      if (size > this.maxRequestBytes)
        throw new EmulatorError(CODES.failed, `request is ${size} bytes, over the limit`);
      return await this.answer(action, params);
    } catch (err) {
      if (!(err instanceof EmulatorError)) throw err;
      const refusal: WireError = { code: err.code, message: err.message, requestId: serverId() };
      return refusal;
    }
  }

  private txOf(params: Doc): Tx | undefined {
    return params.transactionId ? this.store.tx(params.transactionId) : undefined;
  }

  private async answer(action: string, p: Doc): Promise<unknown> {
    const collection = typeof p.collectionName === 'string' ? p.collectionName : '';
    const tx = this.txOf(p);
    if (tx && p.queryType === 'WHERE') throw new EmulatorError(CODES.failed, QUERY_IN_TRANSACTION);
    switch (action) {
      case 'database.startTransaction':
        return { requestId: serverId(), transactionId: this.store.begin().id };
      case 'database.commitTransaction':
      case 'database.abortTransaction':
        this.store.end(this.store.tx(p.transactionId), action === 'database.commitTransaction');
        return { requestId: serverId() };
      case 'database.getDocument':
        return ok({ list: this.read(collection, p, tx).map(encode) });
      case 'database.calculateDocument':
        return ok({ total: this.store.query(collection, decode(p.query)).length });
      case 'database.insertDocument':
        return ok({ insertedIds: this.insert(collection, p, tx) });
      case 'database.modifyDocument':
        return ok(await this.modify(collection, p, tx));
      case 'database.removeDocument':
        return ok({ deleted: await this.remove(collection, p, tx) });
      case 'database.aggregateDocuments':
        return ok({ list: this.aggregate(collection, p).map(encode) });
      default:
        throw new EmulatorError(CODES.invalid, `the emulator does not know ${action}`);
    }
  }

  private read(collection: string, p: Doc, tx: Tx | undefined): Doc[] {
    const where = decode(p.query);
    if (p.queryType === 'DOC') {
      const doc = this.store.get(collection, idOf(where), tx);
      return doc ? [doc] : [];
    }
    const asked = typeof p.limit === 'number' && p.limit > 0 ? p.limit : DEFAULT_LIMIT;
    const projection = p.projection ? decode(p.projection) : undefined;
    let cursor = find(this.store.all(collection), where, projection);
    if (p.order) cursor = cursor.sort(decode(p.order));
    if (typeof p.offset === 'number' && p.offset > 0) cursor = cursor.skip(p.offset);
    return (cursor.limit(Math.min(asked, MAX_LIMIT)).all() as Doc[]).map(clone);
  }

  private insert(collection: string, p: Doc, tx: Tx | undefined): string[] {
    const docs = (Array.isArray(p.data) ? p.data : [p.data]).map(decode);
    docs.forEach((doc) => this.checkGeo(collection, doc));
    if (!tx) return docs.map((doc) => this.store.insert(collection, doc));
    return docs.map((doc) => {
      const id = doc._id === undefined ? serverId() : String(doc._id);
      if (this.store.get(collection, id, tx))
        throw new EmulatorError(
          CODES.failed,
          `E11000 duplicate key error dup key: { _id: "${id}" }`,
        );
      this.store.txWrite(tx, collection, id, { ...doc, _id: id });
      return id;
    });
  }

  /** The ids a request addresses; each is re-checked against `where` when it is written. */
  private targets(collection: string, p: Doc): { ids: string[]; where: { test(d: Doc): boolean } } {
    const where = decode(p.query);
    if (p.queryType === 'DOC') return { ids: [idOf(where)], where: new Query(where, {}) };
    // `{ _id: { $in: ids } }` (bounded removes) is answered by id, as the _id index would.
    const byIds = (where._id as { $in?: unknown } | undefined)?.$in;
    if (Object.keys(where).length === 1 && Array.isArray(byIds)) {
      const wanted = new Set(byIds.map(String));
      return { ids: [...wanted], where: { test: (d) => wanted.has(String(d._id)) } };
    }
    const ids = this.store.query(collection, where).map((d) => String(d._id));
    return { ids, where: new Query(where, {}) };
  }

  /**
   * doc.set (merge false, upsert) and doc.update / where().update (merge: update operators).
   * Each document is matched and written in one step, as MongoDB does: two concurrent
   * compare-and-set updates cannot both win.
   */
  private async modify(collection: string, p: Doc, tx: Tx | undefined) {
    const data = decode(p.data);
    const { ids, where } = this.targets(collection, p);
    let updated = 0;
    let upsertId: string | undefined;
    for (const id of ids) {
      if (!tx && this.store.isLocked(collection, id)) await this.store.waitForLock(collection, id);
      const current = this.store.get(collection, id, tx);
      let next: Doc;
      if (p.merge === false) {
        if (Object.keys(data).some((k) => k.startsWith('$')))
          throw new EmulatorError(CODES.failed, 'set() takes a document, not update operators');
        next = { ...data, _id: current?._id ?? id };
        if (current) updated += 1;
        else upsertId = id;
      } else {
        if (!current || !where.test(current)) continue;
        next = current;
        if (!Collections.modify(next, data)) continue;
        updated += 1;
      }
      this.checkGeo(collection, next);
      if (tx) this.store.txWrite(tx, collection, id, next);
      else this.store.put(collection, id, next);
    }
    return upsertId === undefined ? { updated } : { updated, upsert_id: upsertId };
  }

  private async remove(collection: string, p: Doc, tx: Tx | undefined): Promise<number> {
    const { ids, where } = this.targets(collection, p);
    let removed = 0;
    for (const id of ids) {
      if (!tx && this.store.isLocked(collection, id)) await this.store.waitForLock(collection, id);
      const current = this.store.get(collection, id, tx);
      if (!current || !where.test(current)) continue;
      if (tx) this.store.txWrite(tx, collection, id, null);
      else this.store.put(collection, id, null);
      removed += 1;
    }
    return removed;
  }

  /**
   * A 2dsphere index refuses a document whose indexed field is not a geo value (MongoDB:
   * "Can't extract geo keys"); CloudBase geo fields hold GeoPoints (database/geo docs).
   */
  private checkGeo(collection: string, doc: Doc): void {
    for (const field of this.geoIndexes[collection] ?? []) {
      const value = valueAt(doc, field);
      if (value !== undefined && value !== null && !pointOf(value))
        throw new EmulatorError(
          CODES.failed,
          `Can't extract geo keys: ${collection}.${field} is not a GeoJSON Point`,
        );
    }
  }

  private aggregate(collection: string, p: Doc): Doc[] {
    const stages = (Array.isArray(p.stages) ? p.stages : []) as Array<{
      stageKey: string;
      stageValue: string;
    }>;
    const pipeline = stages.map((s) => ({ [s.stageKey]: decode(`{"v":${s.stageValue}}`).v }));
    const first = pipeline[0];
    let input = this.store.all(collection);
    let rest = pipeline;
    if (first && '$geoNear' in first) {
      input = geoNear(this.geoIndexes, collection, input, first.$geoNear as Doc);
      rest = pipeline.slice(1);
    }
    if (rest.some((stage) => '$geoNear' in stage))
      throw new EmulatorError(CODES.failed, '$geoNear is only valid as the first stage');
    return rest.length ? (aggregate(input.map(clone), rest) as Doc[]) : input.map(clone);
  }
}
