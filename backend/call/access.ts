import type { ConsultRole } from '../../contract/consult/views';
import { CALLS } from '../collections';
import type { Ctx } from '../core/context';
import type { VideoRooms } from '../ports/video-rooms';
import { requireAccount } from '../consult/access';
import { callError, callNotFound } from './errors';
import { roleInCall, type CallDoc } from './model';
import { settle } from './end';

/**
 * Who may touch a call: a trusted account (as every consult action) that is the call's
 * patient or doctor. To anyone else the call does not exist (NOT_FOUND, as a wrong id).
 */
export function requireRooms(ctx: Ctx): VideoRooms {
  if (!ctx.videoRooms) throw callError('FAILED_PRECONDITION', 'video_disabled');
  return ctx.videoRooms;
}

export interface LoadedCall {
  call: CallDoc;
  role: ConsultRole;
  openid: string;
  rooms: VideoRooms;
}

/** The call (settled: past its deadline it ends here — the check on read) and the caller's side. */
export async function loadCall(ctx: Ctx, callId: string): Promise<LoadedCall> {
  const rooms = requireRooms(ctx);
  const { openid } = await requireAccount(ctx);
  const found = await ctx.store.get<CallDoc>(CALLS.name, callId);
  const role = found ? roleInCall(found, openid) : null;
  if (!found || !role) throw callNotFound();
  return { call: (await settle(ctx, found, rooms)).call, role, openid, rooms };
}
