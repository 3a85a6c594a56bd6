import { FINAL_STATUSES } from '../../contract/consult/items';
import { SHARE_HOURS_AFTER_CLOSE } from '../../contract/records/items';
import { MEDICAL_RECORDS, RECORD_SHARES } from '../collections';
import type { Ctx } from '../core/context';
import type { ConsultDoc } from '../consult/model';
import type { RecordDoc, ShareDoc } from './model';

const HOUR_MS = 3_600_000;

export const isOpen = (consult: ConsultDoc) =>
  !(FINAL_STATUSES as readonly string[]).includes(consult.status);

/**
 * SEC: until when the consult's doctor sees what was shared: null while the consult is
 * open; SHARE_HOURS_AFTER_CLOSE after it closed; its end when it was cancelled or refunded
 * (the doctor had nothing to answer).
 */
export function visibleUntil(consult: ConsultDoc): string | null {
  if (isOpen(consult)) return null;
  const ended = consult.endedAt ?? consult.updatedAt;
  if (consult.status !== 'closed') return ended;
  return new Date(Date.parse(ended) + SHARE_HOURS_AFTER_CLOSE * HOUR_MS).toISOString();
}

export function stillVisible(ctx: Ctx, consult: ConsultDoc): boolean {
  const until = visibleUntil(consult);
  return until === null || ctx.clock.now().getTime() <= Date.parse(until);
}

/** The consult's shares with the record kind and date each is about (missing records skipped). */
export async function sharesOf(ctx: Ctx, consult: ConsultDoc) {
  const shares = await ctx.store.find<ShareDoc>(
    RECORD_SHARES.name,
    { consultId: consult._id, owner: consult.patientOpenid },
    { sort: [['sharedAt', 'asc']], limit: 100 },
  );
  const out = [];
  for (const share of shares) {
    const record = await ctx.store.get<RecordDoc>(MEDICAL_RECORDS.name, share.recordId);
    if (!record || record.owner !== share.owner) continue;
    out.push({
      recordId: record._id,
      consultId: consult._id,
      kind: record.kind,
      date: record.date,
      sharedAt: share.sharedAt,
    });
  }
  return { shares: out, visibleUntil: visibleUntil(consult) };
}
