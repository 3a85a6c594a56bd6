/**
 * Anti-scalping (issue 13): an account adds at most MAX_PATIENT_ADDS_PER_MONTH 就诊人 a
 * calendar month (Shanghai), removed ones counted — otherwise add → book → remove cycles
 * through strangers' identities while never holding more than MAX_PATIENTS.
 */
import { MAX_PATIENT_ADDS_PER_MONTH } from '../../../contract/patients';
import type { PatientView } from '../../../contract/patients';
import {
  consultWorldEachTest,
  eve,
  expectError,
  expectOk,
  FATHER,
  idNumber,
  patients,
  snapshot,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((e) => (env = e));

const person = (i: number) => ({
  ...FATHER,
  relation: '其他',
  document: {
    idType: 'id_card',
    idNumber: idNumber('310115', '19600101', `2${String(i).padStart(2, '0')}`),
  },
});

it('refuses the month’s 11th add with RATE_LIMITED, removed 就诊人 counted; per account; next month again', async () => {
  for (let i = 0; i < MAX_PATIENT_ADDS_PER_MONTH; i++) {
    const added = expectOk<PatientView>(await patients(env, 'add', person(i)));
    expectOk(await patients(env, 'remove', { patientId: added.id, confirm: true }));
  }
  const before = await snapshot(env);
  const refused = expectError(await patients(env, 'add', person(99)), 'RATE_LIMITED', {
    limit: 'patients_monthly',
  });
  // About 2026-11-30 16:00 Shanghai (the test clock ticks a little): the month ends by midnight.
  expect(refused.details!.retryAfterSeconds).toBeLessThanOrEqual(8 * 3600);
  expect(refused.details!.retryAfterSeconds).toBeGreaterThan(7 * 3600);
  expect(await snapshot(env)).toBe(before);
  expectOk(await patients(env, 'add', person(99), eve));
  env.clock.set('2026-11-30T16:00:00Z'); // 12-01 00:00 Shanghai
  expectOk(await patients(env, 'add', person(99)));
});
