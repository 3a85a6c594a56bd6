import {
  INVITE_CODE_ALPHABET,
  INVITE_CODE_LENGTH,
  INVITE_TTL_DAYS,
} from '../../contract/consult/items';
import { DOCTOR_ACCOUNTS, DOCTOR_BINDINGS, DOCTOR_INVITES, DOCTORS } from '../collections';
import type { DoctorDoc } from '../catalog/model';
import type { Handler } from '../core/action';
import { notFound } from '../core/errors';
import type { Clock } from '../ports/clock';
import type { Crypto } from '../ports/crypto';
import type { DocumentStore, StoredDoc } from '../ports/document-store';
import type { Random } from '../ports/random';
import { portOf } from '../user/ports';
import { requireAccount } from './access';
import { consultError, consultFieldError } from './errors';
import { doctorCard } from './list';
import { HOUR_MS } from './model';

/**
 * Doctor accounts. An operator makes a one-time code for a catalog doctor
 * (`npm run doctor:invite -- <doctorId>`); the doctor types it in 我的 → 医生工作台 and
 * their account becomes that doctor's. One doctor ↔ one account: each side is a document
 * id (doctorBindings/<doctorId>, doctorAccounts/<openid>), so a second binding of either
 * is a duplicate. The code is stored only as an HMAC and works once, for 7 days.
 */
interface InviteDoc extends StoredDoc {
  doctorId: string;
  createdAt: string;
  expiresAt: string;
  used: boolean;
  usedAt: string | null;
  /** The account that used it. */
  owner: string | null;
}

const inviteId = (crypto: Crypto, code: string) => crypto.hmac('doctor-invite', code);

/** ABCD-EFGH-JKMN. */
export const formatInviteCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

/** A fresh code and the document that stores it (its HMAC, the doctor, 7 days). */
export function newInvite(
  deps: { crypto: Crypto; random: Random; clock: Clock },
  doctorId: string,
): { code: string; doc: InviteDoc } {
  const code = Array.from(
    { length: INVITE_CODE_LENGTH },
    () => INVITE_CODE_ALPHABET[deps.random.int(0, INVITE_CODE_ALPHABET.length)],
  ).join('');
  const now = deps.clock.now();
  const doc: InviteDoc = {
    _id: inviteId(deps.crypto, code),
    doctorId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * 24 * HOUR_MS).toISOString(),
    used: false,
    usedAt: null,
    owner: null,
  };
  return { code: formatInviteCode(code), doc };
}

/** Stores a new code for a catalog doctor (NOT_FOUND for an unknown one). */
export async function createInvite(
  deps: { store: DocumentStore; crypto: Crypto; random: Random; clock: Clock },
  doctorId: string,
): Promise<{ code: string; doctor: DoctorDoc; expiresAt: string }> {
  const doctor = await deps.store.get<DoctorDoc>(DOCTORS.name, doctorId);
  if (!doctor) throw notFound('医生');
  const { code, doc } = newInvite(deps, doctorId);
  await deps.store.insert(DOCTOR_INVITES.name, doc);
  return { code, doctor, expiresAt: doc.expiresAt };
}

export const bindDoctor: Handler<'consult', 'bindDoctor'> = async (ctx, input) => {
  const { openid } = await requireAccount(ctx);
  const id = inviteId(portOf(ctx, 'crypto'), input.code);
  const now = ctx.clock.now().toISOString();
  const doctorId = await ctx.store.transaction(async (tx) => {
    const invite = await tx.get<InviteDoc>(DOCTOR_INVITES.name, id);
    if (!invite || invite.used || invite.expiresAt <= now)
      throw consultFieldError('data.code', 'invite_invalid');
    if (await tx.get(DOCTOR_ACCOUNTS.name, openid))
      throw consultError('CONFLICT', 'already_doctor');
    if (await tx.get(DOCTOR_BINDINGS.name, invite.doctorId))
      throw consultError('CONFLICT', 'doctor_taken');
    const used = await tx.updateIf(
      DOCTOR_INVITES.name,
      id,
      { used: false },
      { set: { used: true, usedAt: now, owner: openid } },
    );
    if (!used) throw consultFieldError('data.code', 'invite_invalid');
    const binding = { owner: openid, doctorId: invite.doctorId, boundAt: now };
    await tx.insert(DOCTOR_BINDINGS.name, { _id: invite.doctorId, ...binding });
    await tx.insert(DOCTOR_ACCOUNTS.name, { _id: openid, ...binding });
    return invite.doctorId;
  });
  const doctor = await ctx.store.get<DoctorDoc>(DOCTORS.name, doctorId);
  if (!doctor) throw notFound('医生');
  return { doctor: doctorCard(ctx, doctor) };
};
