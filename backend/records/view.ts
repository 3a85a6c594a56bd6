import { ATTACHMENT_LINK_TTL_SECONDS } from '../../contract/consult/items';
import type { RecordSummary, RecordView } from '../../contract/records';
import type { Ctx } from '../core/context';
import { portOf } from '../user/ports';
import { recordContext, type RecordDoc, type RecordTextField } from './model';

export function recordText(ctx: Ctx, doc: RecordDoc, field: RecordTextField): string | null {
  const value = doc[field];
  return value === null
    ? null
    : portOf(ctx, 'crypto').decrypt(value, recordContext(doc._id, field));
}

export function toRecordSummary(ctx: Ctx, doc: RecordDoc): RecordSummary {
  return {
    id: doc._id,
    patientId: doc.patientId,
    kind: doc.kind,
    date: doc.date,
    hospital: doc.hospital,
    department: recordText(ctx, doc, 'departmentEnc'),
    diagnosis: recordText(ctx, doc, 'diagnosisEnc'),
    attachmentCount: doc.attachments.length,
    source: doc.source,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The whole record for `viewer` (its owner, or the doctor it is shared with): file links bound to them. */
export async function toRecordView(ctx: Ctx, doc: RecordDoc, viewer: string): Promise<RecordView> {
  const files = portOf(ctx, 'files');
  const link = (key: string) =>
    files
      .signedUrl(key, { ttlSeconds: ATTACHMENT_LINK_TTL_SECONDS, owner: viewer, decrypt: true })
      .catch((err: unknown) => {
        ctx.log.warn({ err: String(err) }, 'record attachment link failed');
        return null;
      });
  return {
    ...toRecordSummary(ctx, doc),
    notes: recordText(ctx, doc, 'notesEnc'),
    attachments: await Promise.all(
      doc.attachments.map(async (a) => ({
        id: a.id,
        contentType: a.contentType,
        size: a.size,
        url: await link(a.key),
      })),
    ),
  };
}
