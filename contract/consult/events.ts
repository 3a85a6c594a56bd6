import * as z from '../zod';
import { consultStatusSchema } from './schemas';
import { messageViewSchema } from './views';

/**
 * Live updates, pushed to the two participants only (locally over SSE at
 * CONSULT_EVENTS_PATH; each SSE `event:` is the `type` and `data:` the JSON below).
 *   message — a new message in a consult you take part in (links inside are bound to you).
 *   status  — the consult changed state; call get to refresh it.
 *   queue   — doctors: a consult for you entered (status 'waiting') or left the queue.
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
]);
export type ConsultEvent = z.infer<typeof consultEventSchema>;
