import { MEDICAL_RECORDS, RECORD_ACCESS_LOG, RECORD_SHARES } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { loadConsult } from '../consult/access';
import type { ConsultDoc } from '../consult/model';
import { requireTrustedAccount } from '../user/account';
import { portOf } from '../user/ports';
import { readAttachment } from './attachments';
import { recordError, recordNotFound } from './errors';
import { shareIdOf, type AccessDoc, type RecordDoc, type ShareDoc } from './model';
import { sharesOf, stillVisible } from './share-window';
import { toRecordView } from './view';

/**
 * SEC: the consult's doctor, and only while the share is visible (open, or within
 * SHARE_HOURS_AFTER_CLOSE of closing). A doctor of another consult gets NOT_FOUND (the
 * consult is not theirs), as does a record not shared with this consult.
 */
async function asDoctor(
  ctx: Ctx,
  consultId: string,
): Promise<{ openid: string; consult: ConsultDoc }> {
  const { caller } = await requireTrustedAccount(ctx);
  const { consult, role } = await loadConsult(ctx, consultId, caller.openid);
  if (role !== 'doctor') throw recordError('PERMISSION_DENIED', 'doctor_only');
  if (!stillVisible(ctx, consult)) throw recordError('FAILED_PRECONDITION', 'share_expired');
  return { openid: caller.openid, consult };
}

async function sharedRecord(ctx: Ctx, consult: ConsultDoc, recordId: string): Promise<RecordDoc> {
  const share = await ctx.store.get<ShareDoc>(RECORD_SHARES.name, shareIdOf(consult._id, recordId));
  const record = share ? await ctx.store.get<RecordDoc>(MEDICAL_RECORDS.name, recordId) : null;
  if (!share || !record || share.owner !== consult.patientOpenid || record.owner !== share.owner)
    throw recordNotFound();
  return record;
}

/** Written before the content is handed out: no read without its log line. */
async function logRead(
  ctx: Ctx,
  consult: ConsultDoc,
  record: RecordDoc,
  attachmentId: string | null,
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const id = `l${portOf(ctx, 'random').hex(12)}`;
  const doc: AccessDoc = {
    _id: id,
    owner: record.owner,
    recordId: record._id,
    consultId: consult._id,
    doctorId: consult.doctorId,
    doctorName: consult.doctor.name,
    what: attachmentId ? 'attachment' : 'record',
    attachmentId,
    at,
    sortKey: `${at}#${id}`,
  };
  await ctx.store.insert(RECORD_ACCESS_LOG.name, doc);
}

export const sharedList: Handler<'records', 'sharedList'> = async (ctx, input) => {
  const { consult } = await asDoctor(ctx, input.consultId);
  return sharesOf(ctx, consult);
};

export const sharedGet: Handler<'records', 'sharedGet'> = async (ctx, input) => {
  const { openid, consult } = await asDoctor(ctx, input.consultId);
  const record = await sharedRecord(ctx, consult, input.recordId);
  await logRead(ctx, consult, record, null);
  return toRecordView(ctx, record, openid);
};

export const sharedAttachment: Handler<'records', 'sharedAttachment'> = async (ctx, input) => {
  const { consult } = await asDoctor(ctx, input.consultId);
  const record = await sharedRecord(ctx, consult, input.recordId);
  if (!record.attachments.some((a) => a.id === input.attachmentId)) throw recordNotFound();
  await logRead(ctx, consult, record, input.attachmentId);
  return readAttachment(ctx, record, input.attachmentId);
};
