/** DEL: the local server finishes a deletion its caller left, as CloudBase's timer does. */
import { rmSync } from 'node:fs';
import type { DeletionStatus } from '../../../contract/account';
import { startHarness, until } from '../server/support';
import { alice, expectOk, makeWorld } from './support';
import { seedWorld, verifyCode } from './seed';

it('a started deletion nobody polls is finished by the server sweep', async () => {
  const w = makeWorld();
  try {
    await seedWorld(w);
    const code = await verifyCode(w);
    const started = expectOk<DeletionStatus>(await w.account('delete', { confirm: true, code }));
    expect(started.state).toBe('running');
    // The caller went away a minute ago: the job is the sweep's now.
    w.clock.advance(61_000);
    const { caller: _none, ...ports } = w.ctx(null);
    const h = await startHarness({ dataDir: w.dir, ports: ports as never, sweepIntervalMs: 20 });
    try {
      let state: DeletionStatus['state'] = 'running';
      await until(
        async () => {
          w.clock.advance(61_000);
          const jobs = await w.store.find('deletionJobs', { state: 'done' });
          if (jobs.length > 0) state = 'done';
          return state === 'done';
        },
        'the sweep to finish the deletion',
        30_000,
        20,
      );
      expect(state).toBe('done');
      expect(expectOk(await w.call('user', { action: 'me', data: {} }, alice))).toMatchObject({
        registered: false,
      });
    } finally {
      await h.close();
    }
  } finally {
    rmSync(w.dir, { recursive: true, force: true });
  }
}, 60_000);
