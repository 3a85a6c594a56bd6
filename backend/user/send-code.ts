import {
  SMS_CODE_TTL_SECONDS,
  SMS_DAILY_LIMITS,
  SMS_RESEND_SECONDS,
} from '../../contract/user/items';
import { RATE_COUNTERS, SMS_CODES } from '../collections';
import type { Handler } from '../core/action';
import { requireCaller } from '../core/auth';
import type { Ctx } from '../core/context';
import { boundPhone, loadUser } from './account';
import { dropCode, issueCode, type CodeSlot } from './codes';
import { loginRequired, reasonError } from './errors';
import { portOf } from './ports';
import { sweepExpired, takeQuota, type DailyLimit } from './rate-limit';

const ANSWER = { expiresInSeconds: SMS_CODE_TTL_SECONDS, resendAfterSeconds: SMS_RESEND_SECONDS };

/**
 * REG/DEV: sends a code. The answer never depends on whether the phone is registered:
 * 'register' codes go to any mainland number (binding is decided after the code proves
 * the phone is the caller's), and 'verify' codes go only to the caller's own bound phone.
 * A 'verify' request naming another number is answered and counted exactly like a real
 * send but sends nothing: an untrusted session must not be able to test guesses at the
 * account's phone (DEV), and nobody's phone receives codes they did not ask for.
 */
export const sendCode: Handler<'user', 'sendCode'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  let phone: string;
  let deliver = true;
  if (input.purpose === 'register') {
    phone = input.phone;
  } else {
    const user = await loadUser(ctx, caller.openid);
    if (!user || !user.loggedIn) throw loginRequired();
    const bound = boundPhone(ctx, user);
    deliver = input.phone === undefined || input.phone === bound;
    phone = input.phone ?? bound;
  }

  const daily: DailyLimit[] = [
    { kind: 'phone_daily', subject: phone, max: SMS_DAILY_LIMITS.phone },
    { kind: 'caller_daily', subject: caller.openid, max: SMS_DAILY_LIMITS.caller },
  ];
  if (caller.clientIp)
    daily.push({ kind: 'ip_daily', subject: caller.clientIp, max: SMS_DAILY_LIMITS.ip });
  await takeQuota(ctx, {
    cooldowns: [{ kind: 'phone_cooldown', subject: phone, seconds: SMS_RESEND_SECONDS }],
    daily,
  });

  const slot: CodeSlot = { purpose: input.purpose, phone, owner: caller.openid };
  if (deliver) await deliverCode(ctx, slot);
  else
    ctx.log.warn(
      { purpose: input.purpose },
      'verify code asked for a phone that is not the bound one; nothing sent',
    );

  await sweepExpired(ctx, SMS_CODES.name);
  await sweepExpired(ctx, RATE_COUNTERS.name);
  return ANSWER;
};

async function deliverCode(ctx: Ctx, slot: CodeSlot): Promise<void> {
  const code = await issueCode(ctx, slot);
  try {
    await portOf(ctx, 'sms').send({
      phone: slot.phone,
      code,
      purpose: slot.purpose,
      ttlMinutes: SMS_CODE_TTL_SECONDS / 60,
    });
  } catch (err) {
    // The quota stays used (the provider is not to be hammered); the unsent code goes.
    ctx.log.error({ err: String(err) }, 'sms send failed');
    await dropCode(ctx, slot);
    throw reasonError('INTERNAL', 'sms_failed');
  }
}
