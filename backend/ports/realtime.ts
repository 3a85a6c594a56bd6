import type { ConsultEvent } from '../../contract/consult/events';

/**
 * Realtime: pushes a consult event to one person's open clients (docs/ARCHITECTURE.md "The
 * ports"). Locally the server's SSE hub delivers it (server/realtime.ts); on CloudBase the
 * clients watch the database instead, so the adapter does nothing. Publishing never blocks
 * nor fails the action.
 */
export interface Realtime {
  publish(openid: string, event: ConsultEvent): void;
}

export const noRealtime: Realtime = { publish: () => {} };
