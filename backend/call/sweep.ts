import { CALLS } from '../collections';
import type { Ctx } from '../core/context';
import { settle } from './end';
import type { CallDoc } from './model';

const BATCH = 100;

/**
 * The call sweep (beside the check on read): live calls past their due time — rung for 60 s
 * with no answer (未接通, the caller is told), or past their limit — end. Run by the local
 * server's sweep and the CloudBase consult-sweep timer; ending is a compare-and-set, so two
 * runs at once end each call once.
 */
export async function runCallSweep(ctx: Ctx): Promise<{ ended: number }> {
  const rooms = ctx.videoRooms;
  if (!rooms) return { ended: 0 };
  const due = await ctx.store.find<CallDoc>(
    CALLS.name,
    { dueAt: { $lte: ctx.clock.now().toISOString() } },
    { limit: BATCH },
  );
  let ended = 0;
  for (const call of due) {
    if ((await settle(ctx, call, rooms)).changed) ended++;
  }
  return { ended };
}
