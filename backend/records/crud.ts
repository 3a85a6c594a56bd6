import { RECORDS_PAGE } from '../../contract/records/items';
import { HOSPITALS, MEDICAL_RECORDS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { invalid } from '../core/errors';
import type { StoredDoc } from '../ports/document-store';
import { patientNotFound } from '../patients/errors';
import { chinaToday, loadOwnPatient } from '../patients/model';
import { requireTrustedAccount } from '../user/account';
import { portOf } from '../user/ports';
import { recordError, recordFieldError, recordNotFound } from './errors';
import {
  loadOwnRecord,
  recordContext,
  sortKeyOf,
  type RecordDoc,
  type RecordTextField,
} from './model';
import { purgeRecord } from './purge';
import { toRecordSummary, toRecordView } from './view';

/** Health information (PIPL art. 28): the health-consent requirement applies to every action here. */

type HospitalInput = { id: string } | { name: string };

/** A catalog hospital's own name, or the typed one; an unknown catalog id is refused. */
async function resolveHospital(ctx: Ctx, input: HospitalInput): Promise<RecordDoc['hospital']> {
  if ('name' in input) return { id: null, name: input.name };
  const hospital = await ctx.store.get<StoredDoc & { name: string }>(HOSPITALS.name, input.id);
  if (!hospital) throw recordFieldError('data.hospital.id', 'hospital_unknown');
  return { id: hospital._id, name: hospital.name };
}

function refuseFuture(ctx: Ctx, date: string): void {
  if (date > chinaToday(ctx.clock.now())) throw recordFieldError('data.date', 'date_in_future');
}

export const list: Handler<'records', 'list'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  if (!(await loadOwnPatient(ctx, owner, input.patientId))) throw patientNotFound();
  const limit = input.limit ?? RECORDS_PAGE.default;
  const docs = await ctx.store.find<RecordDoc>(
    MEDICAL_RECORDS.name,
    {
      owner,
      patientId: input.patientId,
      ...(input.cursor ? { sortKey: { $lt: input.cursor } } : {}),
    },
    { sort: [['sortKey', 'desc']], limit: limit + 1 },
  );
  const page = docs.slice(0, limit);
  return {
    items: page.map((d) => toRecordSummary(ctx, d)),
    nextCursor: docs.length > limit ? page[page.length - 1].sortKey : null,
  };
};

export const get: Handler<'records', 'get'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const doc = await loadOwnRecord(ctx, caller.openid, input.recordId);
  if (!doc) throw recordNotFound();
  return toRecordView(ctx, doc, caller.openid);
};

export const create: Handler<'records', 'create'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  if (!(await loadOwnPatient(ctx, owner, input.patientId))) throw patientNotFound();
  refuseFuture(ctx, input.date);
  const hospital = await resolveHospital(ctx, input.hospital);
  const crypto = portOf(ctx, 'crypto');
  const id = `r${portOf(ctx, 'random').hex(12)}`;
  const at = ctx.clock.now().toISOString();
  const enc = (field: RecordTextField, text: string | undefined) =>
    text === undefined ? null : crypto.encrypt(text, recordContext(id, field));
  const doc: RecordDoc = {
    _id: id,
    owner,
    patientId: input.patientId,
    kind: input.kind,
    date: input.date,
    hospital,
    departmentEnc: enc('departmentEnc', input.department),
    diagnosisEnc: enc('diagnosisEnc', input.diagnosis),
    notesEnc: enc('notesEnc', input.notes),
    attachments: [],
    source: { kind: 'manual' },
    sortKey: sortKeyOf(input.date, at, id),
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await ctx.store.insert(MEDICAL_RECORDS.name, doc);
  return toRecordView(ctx, doc, owner);
};

export const update: Handler<'records', 'update'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  const doc = await loadOwnRecord(ctx, owner, input.recordId);
  if (!doc) throw recordNotFound();
  if (input.date !== undefined) refuseFuture(ctx, input.date);
  const dropped = input.removeAttachments ?? [];
  for (const [i, id] of dropped.entries())
    if (!doc.attachments.some((a) => a.id === id))
      throw invalid(`data.removeAttachments.${i}`, '附件不存在');
  const crypto = portOf(ctx, 'crypto');
  const at = ctx.clock.now().toISOString();
  const set: Partial<RecordDoc> = { updatedAt: at };
  const text = (field: RecordTextField, value: string | null | undefined) => {
    if (value !== undefined)
      set[field] = value === null ? null : crypto.encrypt(value, recordContext(doc._id, field));
  };
  text('departmentEnc', input.department);
  text('diagnosisEnc', input.diagnosis);
  text('notesEnc', input.notes);
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.hospital !== undefined) set.hospital = await resolveHospital(ctx, input.hospital);
  if (input.date !== undefined) {
    set.date = input.date;
    set.sortKey = sortKeyOf(input.date, doc.createdAt, doc._id);
  }
  if (dropped.length > 0) set.attachments = doc.attachments.filter((a) => !dropped.includes(a.id));
  const won = await ctx.store.updateIf(
    MEDICAL_RECORDS.name,
    doc._id,
    { version: doc.version },
    { set: { ...set, version: doc.version + 1 } },
  );
  if (!won) throw recordError('CONFLICT', 'record_changed');
  const files = portOf(ctx, 'files');
  for (const a of doc.attachments.filter((x) => dropped.includes(x.id))) await files.remove(a.key);
  return toRecordView(ctx, { ...doc, ...set, version: doc.version + 1 }, owner);
};

export const remove: Handler<'records', 'remove'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const doc = await loadOwnRecord(ctx, caller.openid, input.recordId);
  if (!doc) throw recordNotFound();
  await purgeRecord(ctx, doc);
  return { recordId: doc._id };
};
