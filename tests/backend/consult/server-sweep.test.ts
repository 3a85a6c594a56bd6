/** The local server runs the consultation sweep on an interval, and stops it when it closes. */
import { createLocalPorts } from '../../../backend/adapters/local/ports';
import { CONSULTS, DOCTORS } from '../../../backend/collections';
import { consultFunction } from '../../../backend/consult';
import type { ConsultDoc } from '../../../backend/consult/model';
import { fixedClock } from '../../../backend/ports/clock';
import { silentLogger } from '../../../backend/ports/logger';
import { startHarness, tempDir, until } from '../server/support';

it('refunds an overdue consult without anyone asking, and stops with the server', async () => {
  const dataDir = tempDir('consult-sweep');
  const ports = createLocalPorts({ dataDir, log: silentLogger });
  const clock = fixedClock('2026-11-30T08:00:00Z');
  ports.clock = clock;
  await ports.store.insert(DOCTORS.name, { _id: 'd1', name: '赵医生', consultPrice: 0 });
  // A free consult left waiting (as create makes it), already past its 48 hours.
  await ports.store.insert(CONSULTS.name, {
    _id: 'c0000000000000000000000001',
    status: 'waiting',
    price: 0,
    patientOpenid: 'o-p',
    doctorId: 'd1',
    doctorOpenid: null,
    doctor: {
      id: 'd1',
      name: '赵医生',
      title: '主治医师',
      department: '儿科',
      hospitalName: '示例医院',
    },
    deadlineAt: '2026-11-30T07:00:00.000Z',
    refundStatus: 'none',
    updatedAt: '2026-11-28T07:00:00.000Z',
  });
  const h = await startHarness({
    dataDir,
    ports,
    functions: { consult: consultFunction } as never,
    sweepIntervalMs: 20,
  });
  let doc: ConsultDoc | null = null;
  await until(async () => {
    doc = await ports.store.get<ConsultDoc>(CONSULTS.name, 'c0000000000000000000000001');
    return doc?.status !== 'waiting';
  }, 'the sweep to settle the overdue consult');
  expect(doc).toMatchObject({ status: 'cancelled', cancelReason: 'timeout' });
  const started = Date.now();
  await h.close();
  expect(Date.now() - started).toBeLessThan(2000);
  expect(h.logs.filter((l) => l.msg === 'consult sweep failed')).toEqual([]);
});
