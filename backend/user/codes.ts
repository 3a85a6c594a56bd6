import { SMS_CODE_MAX_ATTEMPTS, SMS_CODE_TTL_SECONDS } from '../../contract/user/items';
import { SMS_CODES } from '../collections';
import type { Ctx } from '../core/context';
import { DuplicateIdError, type StoredDoc } from '../ports/document-store';
import type { SmsPurpose } from '../ports/sms';
import { fieldError } from './errors';
import { portOf } from './ports';

/**
 * REG: SMS codes. One live code per (purpose, phone, caller): a code is usable only by the
 * caller who asked for it, and a stranger asking for codes to your phone does not replace
 * yours. Only an HMAC of the code is stored, salted with a per-send nonce.
 */
export interface SmsCodeDoc extends StoredDoc {
  owner: string;
  purpose: SmsPurpose;
  /** Changes with every send, so a compare-and-set never acts on a replaced code. */
  nonce: string;
  codeHash: string;
  attempts: number;
  used: boolean;
  sentAt: string;
  expiresAt: string;
}

export interface CodeSlot {
  purpose: SmsPurpose;
  phone: string;
  owner: string;
}

function slotId(ctx: Ctx, slot: CodeSlot): string {
  const crypto = portOf(ctx, 'crypto');
  return `sc_${crypto.hmac('sms-slot', `${slot.purpose}\0${slot.phone}\0${slot.owner}`).slice(0, 40)}`;
}

function codeHash(ctx: Ctx, slot: CodeSlot, nonce: string, code: string): string {
  return portOf(ctx, 'crypto').hmac(
    'sms-code',
    `${slot.purpose}\0${slot.phone}\0${slot.owner}\0${nonce}\0${code}`,
  );
}

/** Makes a fresh 6-digit code for the slot (replacing any earlier one) and returns it. */
export async function issueCode(ctx: Ctx, slot: CodeSlot): Promise<string> {
  const random = portOf(ctx, 'random');
  const now = ctx.clock.now();
  const code = String(random.int(0, 1_000_000)).padStart(6, '0');
  const nonce = random.hex(8);
  const fields = {
    owner: slot.owner,
    purpose: slot.purpose,
    nonce,
    codeHash: codeHash(ctx, slot, nonce, code),
    attempts: 0,
    used: false,
    sentAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SMS_CODE_TTL_SECONDS * 1000).toISOString(),
  };
  const id = slotId(ctx, slot);
  if (!(await ctx.store.update(SMS_CODES.name, id, { set: fields }))) {
    try {
      await ctx.store.insert(SMS_CODES.name, { _id: id, ...fields });
    } catch (err) {
      // Raced with another send for the same slot: the later write wins, like a resend.
      if (!(err instanceof DuplicateIdError)) throw err;
      await ctx.store.update(SMS_CODES.name, id, { set: fields });
    }
  }
  return code;
}

/** Forgets the slot's code (the SMS could not be sent). */
export async function dropCode(ctx: Ctx, slot: CodeSlot): Promise<void> {
  await ctx.store.remove(SMS_CODES.name, slotId(ctx, slot));
}

/**
 * Uses the slot's code once, or throws INVALID_ARGUMENT on `data.code` with the reason:
 * code_expired (none live: never sent, expired, used), code_mismatch (with attemptsLeft),
 * code_locked (the 5th wrong attempt and after). Both the wrong-attempt count and the
 * single use are compare-and-set on what was read, so parallel calls cannot both succeed
 * nor sneak past the attempt limit.
 */
export async function consumeCode(ctx: Ctx, slot: CodeSlot, code: string): Promise<void> {
  const crypto = portOf(ctx, 'crypto');
  const id = slotId(ctx, slot);
  for (let round = 0; round < 5; round++) {
    const doc = await ctx.store.get<SmsCodeDoc>(SMS_CODES.name, id);
    const now = ctx.clock.now().toISOString();
    if (!doc || doc.used || doc.expiresAt <= now) throw fieldError('data.code', 'code_expired');
    if (doc.attempts >= SMS_CODE_MAX_ATTEMPTS) throw fieldError('data.code', 'code_locked');
    const live = { nonce: doc.nonce, used: false, attempts: doc.attempts };
    if (crypto.equal(codeHash(ctx, slot, doc.nonce, code), doc.codeHash)) {
      const taken = await ctx.store.updateIf(SMS_CODES.name, id, live, {
        set: { used: true, usedAt: now },
      });
      if (taken) return;
      continue; // someone else used it or guessed wrong meanwhile: look again
    }
    const counted = await ctx.store.updateIf(SMS_CODES.name, id, live, { inc: { attempts: 1 } });
    if (!counted) continue;
    const attemptsLeft = SMS_CODE_MAX_ATTEMPTS - doc.attempts - 1;
    throw attemptsLeft > 0
      ? fieldError('data.code', 'code_mismatch', { attemptsLeft })
      : fieldError('data.code', 'code_locked');
  }
  throw fieldError('data.code', 'code_expired');
}
