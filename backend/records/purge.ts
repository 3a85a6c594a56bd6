import { MEDICAL_RECORDS, RECORD_SHARES } from '../collections';
import type { Ctx } from '../core/context';
import { portOf } from '../user/ports';
import type { RecordDoc } from './model';

/**
 * Removes one record: its files first, then its shares, then the row — a crash in between
 * leaves a row that still names what is left, so repeating finishes the job.
 */
export async function purgeRecord(ctx: Ctx, doc: RecordDoc): Promise<void> {
  const files = portOf(ctx, 'files');
  for (const a of doc.attachments) await files.remove(a.key);
  await ctx.store.removeWhere(RECORD_SHARES.name, { recordId: doc._id });
  await ctx.store.remove(MEDICAL_RECORDS.name, doc._id);
}

/** Every record of one 就诊人 (when the 就诊人 is removed); returns how many. */
export async function purgePatientRecords(
  ctx: Ctx,
  owner: string,
  patientId: string,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const page = await ctx.store.find<RecordDoc>(
      MEDICAL_RECORDS.name,
      { owner, patientId },
      { limit: 50 },
    );
    for (const doc of page) await purgeRecord(ctx, doc);
    removed += page.length;
    if (page.length < 50) return removed;
  }
}
