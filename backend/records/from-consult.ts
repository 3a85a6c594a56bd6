import { MEDICAL_RECORDS, PATIENTS } from '../collections';
import type { Ctx } from '../core/context';
import type { ConsultDoc } from '../consult/model';
import { DuplicateIdError } from '../ports/document-store';
import { chinaToday, type PatientDoc } from '../patients/model';
import { portOf } from '../user/ports';
import { consultRecordId, recordContext, sortKeyOf, type RecordDoc } from './model';

/** Whose record a consult's summary becomes: its 就诊人, or 本人 for a legacy 'self' consult. */
async function patientIdOf(ctx: Ctx, consult: ConsultDoc): Promise<string | null> {
  if (consult.patient.kind === 'patient') return consult.patient.patientId;
  if (consult.patient.kind === 'other') return null;
  const [self] = await ctx.store.find<PatientDoc>(
    PATIENTS.name,
    { owner: consult.patientOpenid, relation: '本人' },
    { limit: 1 },
  );
  return self?._id ?? null;
}

/**
 * When a consult closes, the doctor's summary (建议) becomes a record of its 就诊人, linked
 * back to the consult. One per consult (a fixed id), so a repeat is a no-op. A consult is
 * a health consultation, not 诊疗 (docs/FACTS.md): no diagnosis is written, kind 其他.
 */
export async function recordFromConsult(
  ctx: Ctx,
  consult: ConsultDoc,
  summary: string,
): Promise<string | null> {
  const patientId = await patientIdOf(ctx, consult);
  if (!patientId) return null;
  const id = consultRecordId(consult._id);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const date = chinaToday(now);
  const crypto = portOf(ctx, 'crypto');
  const doc: RecordDoc = {
    _id: id,
    owner: consult.patientOpenid,
    patientId,
    kind: '其他',
    date,
    hospital: { id: null, name: consult.doctor.hospitalName },
    departmentEnc: crypto.encrypt(consult.doctor.department, recordContext(id, 'departmentEnc')),
    diagnosisEnc: null,
    notesEnc: crypto.encrypt(summary, recordContext(id, 'notesEnc')),
    attachments: [],
    source: { kind: 'consult', consultId: consult._id, doctorName: consult.doctor.name },
    sortKey: sortKeyOf(date, at, id),
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  try {
    await ctx.store.insert(MEDICAL_RECORDS.name, doc);
  } catch (err) {
    if (!(err instanceof DuplicateIdError)) throw err;
  }
  return id;
}
