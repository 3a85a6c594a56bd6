import type { CallRecord } from '../../contract/call/views';
import { CALLS } from '../collections';
import type { Ctx } from '../core/context';
import { toCallRecord, type CallDoc } from './model';

/** The consult's call timeline, oldest first: ended calls' metadata only. */
export async function callRecordsOf(ctx: Ctx, consultId: string): Promise<CallRecord[]> {
  const calls = await ctx.store.find<CallDoc>(
    CALLS.name,
    { consultId, state: 'ended' },
    { sort: [['startedAt', 'asc']], limit: 200 },
  );
  return calls.map(toCallRecord).filter((r): r is CallRecord => r !== null);
}
