import type { ConsultRole } from '../../contract/consult/views';
import { CONSULTS, DOCTOR_ACCOUNTS } from '../collections';
import type { Ctx } from '../core/context';
import type { StoredDoc } from '../ports/document-store';
import { requireTrustedAccount, type UserDoc } from '../user/account';
import { consultError, consultNotFound } from './errors';
import type { ConsultDoc } from './model';

/**
 * Who may do what. Every consult action needs a registered, logged-in, trusted account
 * (the user function's guard). A consult is visible to its patient and to the doctor it
 * was addressed to (the account bound to that doctor); to anyone else it does not exist.
 */
export interface Account {
  openid: string;
  user: UserDoc;
}

export async function requireAccount(ctx: Ctx): Promise<Account> {
  const { caller, user } = await requireTrustedAccount(ctx);
  return { openid: caller.openid, user };
}

interface DoctorAccountDoc extends StoredDoc {
  owner: string;
  doctorId: string;
  boundAt: string;
}

/** The doctor this account is bound to, or null. */
export async function doctorIdOf(ctx: Ctx, openid: string): Promise<string | null> {
  const doc = await ctx.store.get<DoctorAccountDoc>(DOCTOR_ACCOUNTS.name, openid);
  return doc?.doctorId ?? null;
}

/** PERMISSION_DENIED doctor_required unless the caller's account is bound to a doctor. */
export async function requireDoctor(ctx: Ctx): Promise<Account & { doctorId: string }> {
  const account = await requireAccount(ctx);
  const doctorId = await doctorIdOf(ctx, account.openid);
  if (!doctorId) throw consultError('PERMISSION_DENIED', 'doctor_required');
  return { ...account, doctorId };
}

/** The caller's side in a consult, or null when it is not theirs. */
export async function roleIn(
  ctx: Ctx,
  consult: ConsultDoc,
  openid: string,
): Promise<ConsultRole | null> {
  if (consult.patientOpenid === openid) return 'patient';
  if (consult.doctorOpenid !== null) return consult.doctorOpenid === openid ? 'doctor' : null;
  // Never accepted: whichever account is bound to the doctor now may see it (the queue).
  // Accepted but without a doctor account, its doctor deleted theirs (DEL): nobody else's.
  if (consult.acceptedAt) return null;
  return (await doctorIdOf(ctx, openid)) === consult.doctorId ? 'doctor' : null;
}

/** The consult and the caller's role in it; NOT_FOUND when it is not theirs (or does not exist). */
export async function loadConsult(
  ctx: Ctx,
  consultId: string,
  openid: string,
): Promise<{ consult: ConsultDoc; role: ConsultRole }> {
  const consult = await ctx.store.get<ConsultDoc>(CONSULTS.name, consultId);
  const role = consult ? await roleIn(ctx, consult, openid) : null;
  if (!consult || !role) throw consultNotFound();
  return { consult, role };
}

/** Like loadConsult, but only for the given role: the other side gets PERMISSION_DENIED. */
export async function loadAs(
  ctx: Ctx,
  consultId: string,
  openid: string,
  want: ConsultRole,
): Promise<ConsultDoc> {
  const { consult, role } = await loadConsult(ctx, consultId, openid);
  if (role !== want) {
    throw consultError('PERMISSION_DENIED', want === 'doctor' ? 'doctor_required' : 'patient_only');
  }
  return consult;
}
