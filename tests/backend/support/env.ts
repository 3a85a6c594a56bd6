import type { Ctx, Caller } from '../../../backend/core/context';
import { dispatch } from '../../../backend/core/dispatch';
import { findFunction } from '../../../backend/functions';
import { COLLECTIONS } from '../../../backend/collections';
import { openSqliteStore } from '../../../backend/adapters/sqlite';
import { fixedClock } from '../../../backend/ports/clock';
import { silentLogger } from '../../../backend/ports/logger';
import type { DocumentStore } from '../../../backend/ports/document-store';
import type { Envelope } from '../../../contract/envelope';

export interface TestEnv {
  store: DocumentStore & { close(): void };
  ctx(caller?: Caller | null): Ctx;
  /** Calls an action the way the wire does: the raw body goes through dispatch. */
  call(fn: string, body: unknown, caller?: Caller | null): Promise<Envelope<unknown>>;
  close(): void;
}

/** A real SQLite store (in memory unless a file is given) with every collection. */
export function makeEnv(file = ':memory:'): TestEnv {
  const store = openSqliteStore({ file, collections: COLLECTIONS });
  const clock = fixedClock('2026-11-30T08:00:00Z');
  const ctx = (caller: Caller | null = null): Ctx => ({ store, clock, log: silentLogger, caller });
  return {
    store,
    ctx,
    async call(fn, body, caller = null) {
      const f = findFunction(fn);
      if (!f) throw new Error(`no function ${fn}`);
      return dispatch(f, body, ctx(caller));
    },
    close: () => store.close(),
  };
}

export function expectOk<T = unknown>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data as T;
}
