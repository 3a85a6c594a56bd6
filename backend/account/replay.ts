import { DELETION_JOBS } from '../collections';
import type { Ctx } from '../core/context';
import { ledgerSubjectOf, type DeletionLedgerEntry } from '../ports/deletion-ledger';
import type { StoredDoc } from '../ports/document-store';
import { portOf } from '../user/ports';
import { loadJob, startJob, subjectContext, type JobDoc } from './job';
import { metered, UNBOUNDED } from './meter';
import { ownEntries } from './plan';
import { runBatch } from './runner';

const PAGE = 500;

/** Every openid the store holds rows of (the data map's owner fields, running jobs' subjects). */
async function openidsInStore(ctx: Ctx): Promise<Set<string>> {
  const found = new Set<string>();
  for (const entry of ownEntries()) {
    for (let skip = 0; ; skip += PAGE) {
      const rows = await ctx.store.find<StoredDoc>(
        entry.collection,
        {},
        { sort: [['_id', 'asc']], skip, limit: PAGE },
      );
      for (const row of rows) {
        const owner = (row as Record<string, unknown>)[entry.ownerField];
        if (typeof owner === 'string' && owner !== '') found.add(owner);
      }
      if (rows.length < PAGE) break;
    }
  }
  const crypto = portOf(ctx, 'crypto');
  const running = await ctx.store.find<JobDoc>(DELETION_JOBS.name, { state: 'running' });
  for (const job of running) {
    if (job.subjectEnc) found.add(crypto.decrypt(job.subjectEnc, subjectContext(job._id)));
  }
  return found;
}

/** The newest generation the ledger holds for each subject. */
function newestBySubject(entries: readonly DeletionLedgerEntry[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const e of entries)
    newest.set(e.subject, Math.max(newest.get(e.subject) ?? 0, e.generation));
  return newest;
}

/** Runs the deletion job of `openid` to the end, starting generation `generation` if needed. */
async function deleteAgain(ctx: Ctx, openid: string, generation: number): Promise<boolean> {
  for (let round = 0; round < 1000; round++) {
    const job = await loadJob(ctx, openid);
    if (job?.state === 'done' && job.generation >= generation) return round > 0;
    const { ctx: m, meter } = metered(ctx, UNBOUNDED);
    const running = job?.state === 'running' ? job : await startJob(m, openid, job, generation);
    await runBatch(m, meter, running, openid);
  }
  throw new Error('a replayed deletion did not finish in 1000 batches');
}

/**
 * DEL after a restore: every account of the restored store that the ledger says was
 * deleted — in a generation the restored deletion job has not reached — is deleted again
 * through the same deletion code. A job the backup shows done at that generation or later
 * means the data present is a newer account of the same user, and it stays. Answers how
 * many accounts were deleted again.
 */
export async function replayDeletions(
  ctx: Ctx,
  entries: readonly DeletionLedgerEntry[],
): Promise<number> {
  const newest = newestBySubject(entries);
  if (newest.size === 0) return 0;
  const crypto = portOf(ctx, 'crypto');
  let deleted = 0;
  for (const openid of await openidsInStore(ctx)) {
    const generation = newest.get(ledgerSubjectOf(crypto, openid));
    if (generation !== undefined && (await deleteAgain(ctx, openid, generation))) deleted++;
  }
  return deleted;
}
