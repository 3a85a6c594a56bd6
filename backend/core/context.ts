import type { Clock } from '../ports/clock';
import type { DocumentStore } from '../ports/document-store';
import type { Logger } from '../ports/logger';

/**
 * Who is calling. `openid` comes from getWXContext() on CloudBase and from the session
 * cookie locally — never from the request body (ARCHITECTURE.md "The wire").
 */
export interface Caller {
  openid: string;
  /** CLIENTIP on CloudBase, the socket address locally; for rate limits. */
  clientIp: string | null;
}

/** The ports a handler may use. Later features add theirs here. */
export interface Ports {
  store: DocumentStore;
  clock: Clock;
  log: Logger;
}

export interface Ctx extends Ports {
  caller: Caller | null;
}
