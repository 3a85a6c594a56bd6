import { MAX_PATIENTS } from '../../contract/patients/items';
import { checkIdNumber } from '../../contract/user/id-number';
import { PATIENTS } from '../collections';
import type { Ctx } from '../core/context';
import { DuplicateIdError } from '../ports/document-store';
import { identityContext, loadIdentity } from '../user/identity-doc';
import { portOf } from '../user/ports';
import { patientError } from './errors';
import { documentHashOf, patientContext, slotId, type PatientDoc } from './model';
import type { ResolvedDocument } from './rules';

/** IDV: 本人 as the verified identity says (name and 居民身份证), or identity_required. */
export async function verifiedSelf(
  ctx: Ctx,
  owner: string,
): Promise<{ name: string; document: ResolvedDocument }> {
  const identity = await loadIdentity(ctx, owner);
  if (identity?.status !== 'verified')
    throw patientError('FAILED_PRECONDITION', 'identity_required');
  const crypto = portOf(ctx, 'crypto');
  const name = crypto.decrypt(identity.nameEnc, identityContext(owner, 'nameEnc'));
  const idNumber = crypto.decrypt(identity.idNumberEnc, identityContext(owner, 'idNumberEnc'));
  const check = checkIdNumber(idNumber);
  if (!check.ok) throw new Error('a verified identity holds an invalid ID number');
  return {
    name,
    document: {
      idType: 'id_card',
      idNumber,
      birthDate: check.birthDate,
      sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** Whether the caller has a verified identity (then 本人 must come from it). */
export async function isVerified(ctx: Ctx, owner: string): Promise<boolean> {
  return (await loadIdentity(ctx, owner))?.status === 'verified';
}

/**
 * IDV, issue 11 point 9 — the purpose of verification: the verified 本人 becomes the account
 * holder's own 就诊人, so real-name booking needs no retyping. Called by submitIdentity right
 * after a `verified` result. A 本人 the holder typed earlier takes the verified name and
 * document (and keeps phone and health notes); without one, 本人 is added in a free slot. Left
 * as it is when the list is full or another 就诊人 already holds this ID (the holder decides).
 * Not counted against patients_monthly: it happens once per verified account.
 */
export async function adoptVerifiedSelf(ctx: Ctx, owner: string): Promise<void> {
  const { name, document } = await verifiedSelf(ctx, owner);
  const crypto = portOf(ctx, 'crypto');
  const at = ctx.clock.now().toISOString();
  const mine = await ctx.store.find<PatientDoc>(
    PATIENTS.name,
    { owner },
    { limit: MAX_PATIENTS + 1 },
  );
  const documentHash = documentHashOf(crypto, owner, 'id_card', document.idNumber ?? '');
  const self = mine.find((p) => p.relation === '本人');
  if (self?.fromIdentity) return;
  if (mine.some((p) => p !== self && p.documentHash === documentHash)) return;
  const identityFields = (id: string) => ({
    idType: 'id_card' as const,
    nameEnc: crypto.encrypt(name, patientContext(id, 'nameEnc')),
    idNumberEnc: crypto.encrypt(document.idNumber ?? '', patientContext(id, 'idNumberEnc')),
    documentHash,
    birthDate: document.birthDate,
    sex: document.sex,
    fromIdentity: true,
    updatedAt: at,
  });
  if (self) {
    await ctx.store.update(PATIENTS.name, self._id, { set: identityFields(self._id) });
    return;
  }
  const taken = new Set(mine.map((p) => p.slot));
  for (let slot = 0; slot < MAX_PATIENTS; slot++) {
    if (taken.has(slot)) continue;
    const id = slotId(crypto, owner, slot);
    const doc: PatientDoc = {
      _id: id,
      owner,
      slot,
      relation: '本人',
      ...identityFields(id),
      phoneEnc: null,
      allergiesEnc: crypto.encrypt('', patientContext(id, 'allergiesEnc')),
      chronicEnc: crypto.encrypt('', patientContext(id, 'chronicEnc')),
      declaration: null,
      createdAt: at,
    };
    try {
      await ctx.store.insert(PATIENTS.name, doc);
      return;
    } catch (err) {
      // A slot taken meanwhile by a concurrent add: try the next one.
      if (!(err instanceof DuplicateIdError)) throw err;
    }
  }
}
