import { RETENTION_RULES, type RetentionRuleId } from '../../contract/privacy/retention';
import type { Ctx } from '../core/context';

/** At most this many rows per rule per run; a backlog drains over the following runs. */
const BATCH = 500;

export type RetentionReport = Record<RetentionRuleId, number>;

/**
 * Issue 11 point 8: deletes every row older than its rule in contract/privacy/retention.ts.
 * Not an action, so no client can call it; run by server/sweep.ts and the CloudBase timer.
 * A failing rule is logged and does not stop the others.
 */
export async function runRetentionSweep(ctx: Ctx): Promise<RetentionReport> {
  const now = ctx.clock.now().getTime();
  const report = {} as RetentionReport;
  for (const [id, rule] of Object.entries(RETENTION_RULES) as Array<
    [RetentionRuleId, (typeof RETENTION_RULES)[RetentionRuleId]]
  >) {
    const cutoff = new Date(now - rule.keepMinutes * 60_000).toISOString();
    const only = 'only' in rule ? rule.only : {};
    try {
      report[id] = await ctx.store.removeWhere(
        rule.collection,
        { ...only, [rule.field]: { $lt: cutoff } },
        BATCH,
      );
    } catch (err) {
      report[id] = 0;
      ctx.log.warn({ rule: id, err: String(err) }, 'retention sweep failed');
    }
  }
  return report;
}
