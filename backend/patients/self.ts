import { checkIdNumber } from '../../contract/user/id-number';
import type { Ctx } from '../core/context';
import { identityContext, loadIdentity } from '../user/identity-doc';
import { portOf } from '../user/ports';
import { patientError } from './errors';
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
