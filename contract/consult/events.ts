import * as z from '../zod';
import { consultStatusSchema } from './schemas';
import { SIGNAL_KINDS } from '../call/items';
import { callViewSchema } from '../call/views';
import { messageViewSchema } from './views';

/**
 * Live updates, pushed to the two participants only (locally over SSE at
 * CONSULT_EVENTS_PATH; each SSE `event:` is the `type` and `data:` the JSON below).
 *   message — a new message in a consult you take part in (links inside are bound to you).
 *   status  — the consult changed state; call get to refresh it.
 *   queue   — doctors: a consult for you entered (status 'waiting') or left the queue.
 *   call    — a video call of the consult changed (rings, connected, ended): the viewer's CallView.
 *   signal  — WebRTC signalling from the other participant (local only), in `seq` order;
 *             `payload` was validated by contract/call/signals.ts before it was relayed.
 * Heartbeats are SSE comments (`: ping`) every SSE_HEARTBEAT_SECONDS; EventSource reconnects
 * by itself, after which the client catches up with listMessages {after: lastSeq}.
 */
export const consultEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), consultId: z.string(), message: messageViewSchema }),
  z.object({
    type: z.literal('status'),
    consultId: z.string(),
    status: consultStatusSchema,
    at: z.string(),
  }),
  z.object({
    type: z.literal('queue'),
    consultId: z.string(),
    doctorId: z.string(),
    status: consultStatusSchema,
  }),
  z.object({ type: z.literal('call'), consultId: z.string(), call: callViewSchema }),
  z.object({
    type: z.literal('signal'),
    consultId: z.string(),
    callId: z.string(),
    from: z.enum(['patient', 'doctor']),
    seq: z.number().int(),
    kind: z.enum(SIGNAL_KINDS),
    payload: z.record(z.string(), z.unknown()),
  }),
]);
export type ConsultEvent = z.infer<typeof consultEventSchema>;
