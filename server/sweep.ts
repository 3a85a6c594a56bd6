import type { FastifyInstance } from 'fastify';
import { runDeletionSweep } from '../backend/account';
import { runBookingSweep } from '../backend/booking';
import { runCallSweep } from '../backend/call';
import { runConsultSweep } from '../backend/consult';
import type { Ports } from '../backend/core/context';
import { runRetentionSweep } from '../backend/privacy/retention';

/** Default: once a minute (CloudBase runs the same sweep every 10 minutes by its timer). */
export const SWEEP_INTERVAL_MS = 60_000;

/**
 * The local server's sweeps — consultations (48-hour refunds, unpaid orders, refund
 * retries, stale uploads), bookings (15-minute holds, no-shows, refunds, reminders), video
 * calls past their ring or time limit, account deletions their callers left (DEL) and
 * retention (issue 11), the same backend jobs CloudBase's timer functions run — on an interval, never two runs at once, stopped (and a
 * run in progress awaited) before the server closes its store. A failed run is logged; the next one tries again.
 */
export function startConsultSweep(
  app: FastifyInstance,
  ports: Ports,
  intervalMs = SWEEP_INTERVAL_MS,
): void {
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      const ctx = { ...ports, log: app.log, caller: null };
      const report = await runConsultSweep(ctx);
      if (Object.values(report).some((n) => n > 0))
        app.log.info({ sweep: report }, 'consult sweep');
      const booking = await runBookingSweep(ctx);
      if (Object.values(booking).some((n) => n > 0))
        app.log.info({ sweep: booking }, 'booking sweep');
      const calls = await runCallSweep(ctx);
      if (calls.ended > 0) app.log.info({ sweep: calls }, 'call sweep');
      const deletions = await runDeletionSweep(ctx);
      if (deletions.advanced > 0) app.log.info({ sweep: deletions }, 'deletion sweep');
      // Issue 11 point 8: every retention promise of the manifest, kept here.
      const retention = await runRetentionSweep(ctx);
      if (Object.values(retention).some((n) => n > 0))
        app.log.info({ sweep: retention }, 'retention sweep');
    } catch (err) {
      app.log.error({ err: String(err) }, 'consult sweep failed');
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    running ??= run();
  }, intervalMs);
  timer.unref();
  // Before the store closes: stop the timer and let a run in progress finish.
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await running;
  });
}
