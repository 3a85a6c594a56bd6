import type { DeletionCounts } from '../../contract/account';
import type { Ctx } from '../core/context';
import type { Meter } from './meter';

/** What the account held when its deletion began (the receipt's counts). */
export interface Census {
  rows: { deleted: number; anonymised: number };
  counts: DeletionCounts;
}

export const emptyCensus = (): Census => ({
  rows: { deleted: 0, anonymised: 0 },
  counts: {
    consultations: 0,
    messages: 0,
    appointments: 0,
    records: 0,
    patients: 0,
    files: 0,
    forfeitedOrders: 0,
  },
});

export function addCensus(a: Census, b: Census | undefined): Census {
  if (!b) return a;
  const counts = { ...a.counts };
  for (const k of Object.keys(counts) as Array<keyof typeof counts>) counts[k] += b.counts[k];
  return {
    rows: {
      deleted: a.rows.deleted + b.rows.deleted,
      anonymised: a.rows.anonymised + b.rows.anonymised,
    },
    counts,
  };
}

/** One job batch's view: metered ports, the budget, whose data, and the batch's time. */
export interface Unit {
  ctx: Ctx;
  meter: Meter;
  openid: string;
  now: Date;
}

/**
 * What one unit of work did. `null` from a unit means it could not start within the
 * batch's budget. `done`: the step is complete; otherwise `cursor` says where it goes on.
 */
export interface UnitResult {
  done: boolean;
  cursor: string | null;
  census?: Census;
  /** Verification found rows: the job goes back to RESTART_STEP. */
  restart?: boolean;
}
