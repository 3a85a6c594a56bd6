/** SEC/DEL: who counts as a consult's doctor once the consult has been accepted. */
import { DOCTOR_ACCOUNTS } from '../../../backend/collections';
import { roleIn } from '../../../backend/consult/access';
import type { ConsultDoc } from '../../../backend/consult/model';
import { makeEnv, type TestEnv } from '../support/env';

let env: TestEnv;
beforeEach(async () => {
  env = makeEnv();
  // The account now bound to doctor d1 (e.g. the doctor re-invited after deleting an account).
  await env.store.insert(DOCTOR_ACCOUNTS.name, {
    _id: 'o-new-doctor',
    owner: 'o-new-doctor',
    doctorId: 'd1',
    boundAt: '2026-11-30T08:00:00Z',
  });
});
afterEach(() => env.close());

const consult = (status: string, doctorOpenid: string | null, acceptedAt: string | null = null) =>
  ({
    _id: 'c1',
    patientOpenid: 'o-patient',
    doctorId: 'd1',
    doctorOpenid,
    status,
    acceptedAt,
  }) as unknown as ConsultDoc;

it('a waiting consult is visible to the account bound to its doctor (the queue)', async () => {
  expect(await roleIn(env.ctx(), consult('waiting', null), 'o-new-doctor')).toBe('doctor');
});

it.each(['active', 'closed', 'refunded'])(
  'an accepted, %s consult whose doctor account was deleted is nobody else’s',
  async (status) => {
    const c = consult(status, null, '2026-11-29T08:00:00Z');
    expect(await roleIn(env.ctx(), c, 'o-new-doctor')).toBeNull();
  },
);

it('an accepted consult belongs to the account that accepted it, and its patient', async () => {
  const c = consult('active', 'o-old-doctor', '2026-11-29T08:00:00Z');
  expect(await roleIn(env.ctx(), c, 'o-old-doctor')).toBe('doctor');
  expect(await roleIn(env.ctx(), c, 'o-new-doctor')).toBeNull();
  expect(await roleIn(env.ctx(), c, 'o-patient')).toBe('patient');
});
