import { FINAL_STATUSES, CONSULT_STATUSES } from '../../contract/consult/items';
import { CONSULTS, PATIENTS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import type { ConsultDoc } from '../consult/model';
import { purgePatientRecords } from '../records/purge';
import { requireTrustedAccount } from '../user/account';
import { patientError, patientNotFound } from './errors';
import { loadOwnPatient } from './model';

/** What keeps a 就诊人 from being removed: a name for the refusal's details, or null. */
export type RemovalBlocker = (ctx: Ctx, owner: string, patientId: string) => Promise<string | null>;

const OPEN = CONSULT_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

/** A consult not yet ended for this 就诊人 (its doctor still needs to know who it is for). */
const openConsult: RemovalBlocker = async (ctx, owner, patientId) => {
  const open = await ctx.store.find<ConsultDoc>(
    CONSULTS.name,
    { patientOpenid: owner, status: { $in: [...OPEN] } },
    { limit: 200 },
  );
  return open.some((c) => c.patient.kind === 'patient' && c.patient.patientId === patientId)
    ? 'consult'
    : null;
};

/**
 * The hook for later features: booking adds "a future appointment" here, and removal is
 * refused with details.blocker = its name.
 */
export const REMOVAL_BLOCKERS: RemovalBlocker[] = [openConsult];

/**
 * Removes a 就诊人 and everything recorded about them (records, their files and shares).
 * The records go first: a crash half-way leaves the 就诊人, and removing again finishes.
 */
export const remove: Handler<'patients', 'remove'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  const doc = await loadOwnPatient(ctx, owner, input.patientId);
  if (!doc) throw patientNotFound();
  for (const blocker of REMOVAL_BLOCKERS) {
    const found = await blocker(ctx, owner, doc._id);
    if (found) throw patientError('FAILED_PRECONDITION', 'patient_in_use', { blocker: found });
  }
  const recordsRemoved = await purgePatientRecords(ctx, owner, doc._id);
  await ctx.store.remove(PATIENTS.name, doc._id);
  return { patientId: doc._id, recordsRemoved };
};
