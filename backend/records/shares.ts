import { ACCESS_LOG_PAGE } from '../../contract/records/items';
import { PATIENTS, RECORD_ACCESS_LOG, RECORD_SHARES } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { loadConsult } from '../consult/access';
import type { ConsultDoc } from '../consult/model';
import { DuplicateIdError } from '../ports/document-store';
import type { PatientDoc } from '../patients/model';
import { requireTrustedAccount } from '../user/account';
import { recordError, recordFieldError, recordNotFound } from './errors';
import { loadOwnRecord, shareIdOf, type AccessDoc, type RecordDoc, type ShareDoc } from './model';
import { isOpen, sharesOf } from './share-window';

/** The caller's consult as its patient: NOT_FOUND when not theirs, patient_only for its doctor. */
async function asPatient(
  ctx: Ctx,
  consultId: string,
): Promise<{ owner: string; consult: ConsultDoc }> {
  const { caller } = await requireTrustedAccount(ctx);
  const { consult, role } = await loadConsult(ctx, consultId, caller.openid);
  if (role !== 'patient') throw recordError('PERMISSION_DENIED', 'patient_only');
  return { owner: caller.openid, consult };
}

/** Whether `record` is of the person the consult is for (a 就诊人, or 本人 for a legacy 'self'). */
async function ofConsultPatient(
  ctx: Ctx,
  consult: ConsultDoc,
  record: RecordDoc,
): Promise<boolean> {
  const p = consult.patient;
  if (p.kind === 'patient') return record.patientId === p.patientId;
  if (p.kind === 'other') return false;
  const patient = await ctx.store.get<PatientDoc>(PATIENTS.name, record.patientId);
  return patient?.relation === '本人';
}

/**
 * SEC: the patient shows chosen records of the consult's 就诊人 to its doctor, while the
 * consult is open. Every id is checked before anything is written.
 */
export const share: Handler<'records', 'share'> = async (ctx, input) => {
  const { owner, consult } = await asPatient(ctx, input.consultId);
  if (!isOpen(consult)) throw recordError('FAILED_PRECONDITION', 'consult_closed');
  const records: RecordDoc[] = [];
  for (const [i, id] of input.recordIds.entries()) {
    const record = await loadOwnRecord(ctx, owner, id);
    if (!record) throw recordNotFound();
    if (!(await ofConsultPatient(ctx, consult, record)))
      throw recordFieldError(`data.recordIds.${i}`, 'record_not_of_patient');
    records.push(record);
  }
  const at = ctx.clock.now().toISOString();
  for (const record of records) {
    const doc: ShareDoc = {
      _id: shareIdOf(consult._id, record._id),
      owner,
      consultId: consult._id,
      recordId: record._id,
      patientId: record.patientId,
      doctorId: consult.doctorId,
      sharedAt: at,
    };
    try {
      await ctx.store.insert(RECORD_SHARES.name, doc);
    } catch (err) {
      // Shared already: sharing again changes nothing.
      if (!(err instanceof DuplicateIdError)) throw err;
    }
  }
  return sharesOf(ctx, consult);
};

/** The patient takes a share back; the doctor loses the record at once. */
export const unshare: Handler<'records', 'unshare'> = async (ctx, input) => {
  const { owner, consult } = await asPatient(ctx, input.consultId);
  const id = shareIdOf(consult._id, input.recordId);
  const existing = await ctx.store.get<ShareDoc>(RECORD_SHARES.name, id);
  if (!existing || existing.owner !== owner) throw recordNotFound();
  await ctx.store.remove(RECORD_SHARES.name, id);
  return sharesOf(ctx, consult);
};

export const listShares: Handler<'records', 'listShares'> = async (ctx, input) => {
  const { consult } = await asPatient(ctx, input.consultId);
  return sharesOf(ctx, consult);
};

/** DISC/SEC: every read of a shared record by a doctor, newest first. */
export const accessLog: Handler<'records', 'accessLog'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  if (input.recordId && !(await loadOwnRecord(ctx, owner, input.recordId))) throw recordNotFound();
  const limit = input.limit ?? ACCESS_LOG_PAGE.default;
  const docs = await ctx.store.find<AccessDoc>(
    RECORD_ACCESS_LOG.name,
    {
      owner,
      ...(input.recordId ? { recordId: input.recordId } : {}),
      ...(input.cursor ? { sortKey: { $lt: input.cursor } } : {}),
    },
    { sort: [['sortKey', 'desc']], limit: limit + 1 },
  );
  const page = docs.slice(0, limit);
  return {
    items: page.map((d) => ({
      id: d._id,
      recordId: d.recordId,
      consultId: d.consultId,
      doctor: { id: d.doctorId, name: d.doctorName },
      what: d.what,
      attachmentId: d.attachmentId,
      at: d.at,
    })),
    nextCursor: docs.length > limit ? page[page.length - 1].sortKey : null,
  };
};
