import { DAY_UTC_OFFSET_HOURS, type RateLimitKind } from '../../contract/user/items';
import { RATE_COUNTERS } from '../collections';
import type { Ctx } from '../core/context';
import type { Crypto } from '../ports/crypto';
import type { DocumentStore, StoredDoc } from '../ports/document-store';
import { rateLimited } from './errors';
import { portOf } from './ports';

/**
 * Rate limits as documents keyed by an HMAC of what is limited (phone, caller, IP) and the
 * window, so the table holds no phone number or address. All limits of one request are
 * checked and counted in one transaction: a request refused by one limit uses none of the
 * others, and two requests racing cannot both take the last unit. Only by-id reads and
 * writes, which CloudBase transactions allow.
 */

export interface DailyLimit {
  kind: RateLimitKind;
  /** What is counted (phone number, openid, IP); hashed before storing. */
  subject: string;
  max: number;
}

export interface Cooldown {
  kind: RateLimitKind;
  subject: string;
  seconds: number;
}

interface CounterDoc extends StoredDoc {
  count: number;
  /** Cooldowns: until when (epoch ms) the next one is refused. */
  until: number;
  expiresAt: string;
}

const OFFSET_MS = DAY_UTC_OFFSET_HOURS * 3600_000;

/** `20261130`, the calendar day in China (UTC+8). */
export function dayKey(now: Date): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** The next midnight in China, as a Date. */
export function nextDayStart(now: Date): Date {
  const local = new Date(now.getTime() + OFFSET_MS);
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - OFFSET_MS,
  );
}

const hash = (crypto: Crypto, kind: RateLimitKind, subject: string) =>
  crypto.hmac('rate-limit', `${kind}\0${subject}`).slice(0, 32);
const cooldownId = (crypto: Crypto, kind: RateLimitKind, subject: string) =>
  `rl_${kind}_${hash(crypto, kind, subject)}`;
const dailyId = (crypto: Crypto, kind: RateLimitKind, subject: string, now: Date) =>
  `rl_${kind}_${hash(crypto, kind, subject)}_${dayKey(now)}`;

/** `202611`, the calendar month in China, and the instant the next one starts. */
function monthOf(now: Date): { key: string; end: Date } {
  const local = new Date(now.getTime() + OFFSET_MS);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - OFFSET_MS;
  return { key: local.toISOString().slice(0, 7).replace('-', ''), end: new Date(end) };
}
const monthlyId = (crypto: Crypto, kind: RateLimitKind, subject: string, now: Date) =>
  `rl_${kind}_${hash(crypto, kind, subject)}_m${monthOf(now).key}`;
/** The last instant of the previous month in China (its counter may remain until swept). */
function lastMonth(now: Date): Date {
  const local = new Date(now.getTime() + OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - OFFSET_MS - 1);
}

type WindowLimit = { kind: RateLimitKind; subject: string; max: number };

/**
 * One unit of `limit` in the window that ends at `end`, under counter `id`, taken in a
 * transaction (by-id reads only): two requests racing cannot both take the last unit.
 * RATE_LIMITED until the window ends.
 */
async function takeInWindow(ctx: Ctx, limit: WindowLimit, id: string, end: Date): Promise<void> {
  const now = ctx.clock.now();
  const full = await ctx.store.transaction(async (tx) => {
    const doc = await tx.get<CounterDoc>(RATE_COUNTERS.name, id);
    if (doc && doc.count >= limit.max) return true;
    if (doc) await tx.update(RATE_COUNTERS.name, id, { inc: { count: 1 } });
    else await write(tx, id, null, { count: 1, expiresAt: end.toISOString() });
    return false;
  });
  if (full) throw rateLimited(limit.kind, (end.getTime() - now.getTime()) / 1000);
}

/** One unit of a per-month limit of `subject` (calendar months in China). */
export function takeMonthly(ctx: Ctx, limit: WindowLimit): Promise<void> {
  const now = ctx.clock.now();
  const id = monthlyId(portOf(ctx, 'crypto'), limit.kind, limit.subject, now);
  return takeInWindow(ctx, limit, id, monthOf(now).end);
}

/** `2026113014`, the clock hour in China, and the instant the next one starts. */
function hourOf(now: Date): { key: string; end: Date } {
  const start = Math.floor(now.getTime() / 3600_000) * 3600_000;
  const local = new Date(start + OFFSET_MS).toISOString();
  return { key: local.slice(0, 13).replace(/[-T]/g, ''), end: new Date(start + 3600_000) };
}
const hourlyId = (crypto: Crypto, kind: RateLimitKind, subject: string, now: Date) =>
  `rl_${kind}_${hash(crypto, kind, subject)}_h${hourOf(now).key}`;

/** One unit of a per-hour limit of `subject` (clock hours). */
export function takeHourly(ctx: Ctx, limit: WindowLimit): Promise<void> {
  const now = ctx.clock.now();
  const id = hourlyId(portOf(ctx, 'crypto'), limit.kind, limit.subject, now);
  return takeInWindow(ctx, limit, id, hourOf(now).end);
}

/**
 * DEL: the counters that name one person — the caller's daily and monthly counters and the phone's
 * cooldown and daily counter, for today and yesterday (older ones have expired and go with
 * sweepExpired). Account deletion removes them.
 */
export function personalCounterIds(
  crypto: Crypto,
  person: { openid: string; phone: string | null },
  now: Date,
): string[] {
  const days = [now, new Date(now.getTime() - 24 * 3600_000)];
  const byCaller: RateLimitKind[] = ['caller_daily', 'identity_daily', 'wechat_daily'];
  const ids = byCaller.flatMap((k) => days.map((d) => dailyId(crypto, k, person.openid, d)));
  for (const d of [now, lastMonth(now)])
    ids.push(monthlyId(crypto, 'patients_monthly', person.openid, d));
  // The support counters of this hour and the last (older ones have expired).
  for (const d of [now, new Date(now.getTime() - 3600_000)])
    ids.push(hourlyId(crypto, 'support_hourly', person.openid, d));
  const phone = person.phone;
  if (phone) {
    ids.push(cooldownId(crypto, 'phone_cooldown', phone));
    ids.push(...days.map((d) => dailyId(crypto, 'phone_daily', phone, d)));
  }
  return ids;
}

export async function takeQuota(
  ctx: Ctx,
  limits: { cooldowns?: Cooldown[]; daily?: DailyLimit[] },
): Promise<void> {
  const crypto = portOf(ctx, 'crypto');
  const now = ctx.clock.now();
  const dayEnd = nextDayStart(now);
  const cooldowns = (limits.cooldowns ?? []).map((c) => ({
    ...c,
    id: cooldownId(crypto, c.kind, c.subject),
  }));
  const daily = (limits.daily ?? []).map((d) => ({
    ...d,
    id: dailyId(crypto, d.kind, d.subject, now),
  }));

  const blocked = await ctx.store.transaction(async (tx) => {
    const seen = new Map<string, CounterDoc | null>();
    const read = async (id: string) => {
      if (!seen.has(id)) seen.set(id, await tx.get<CounterDoc>(RATE_COUNTERS.name, id));
      return seen.get(id) ?? null;
    };
    for (const c of cooldowns) {
      const doc = await read(c.id);
      if (doc && doc.until > now.getTime())
        return { kind: c.kind, seconds: (doc.until - now.getTime()) / 1000 };
    }
    for (const d of daily) {
      const doc = await read(d.id);
      if (doc && doc.count >= d.max)
        return { kind: d.kind, seconds: (dayEnd.getTime() - now.getTime()) / 1000 };
    }
    for (const c of cooldowns) {
      const until = now.getTime() + c.seconds * 1000;
      await write(tx, c.id, await read(c.id), { until, expiresAt: new Date(until).toISOString() });
    }
    for (const d of daily) {
      const doc = await read(d.id);
      if (doc) await tx.update(RATE_COUNTERS.name, d.id, { inc: { count: 1 } });
      else await write(tx, d.id, null, { count: 1, expiresAt: dayEnd.toISOString() });
    }
    return null;
  });
  if (blocked) throw rateLimited(blocked.kind, blocked.seconds);
}

async function write(
  tx: DocumentStore,
  id: string,
  existing: CounterDoc | null,
  fields: Partial<CounterDoc>,
): Promise<void> {
  if (existing) await tx.update(RATE_COUNTERS.name, id, { set: fields });
  else await tx.insert(RATE_COUNTERS.name, { _id: id, count: 0, until: 0, ...fields });
}

/** Drops expired counters; a bounded batch per call keeps any one request cheap. */
export async function sweepExpired(ctx: Ctx, collection: string, limit = 50): Promise<void> {
  try {
    await ctx.store.removeWhere(
      collection,
      { expiresAt: { $lt: ctx.clock.now().toISOString() } },
      limit,
    );
  } catch (err) {
    ctx.log.warn({ collection, err: String(err) }, 'sweep of expired documents failed');
  }
}
