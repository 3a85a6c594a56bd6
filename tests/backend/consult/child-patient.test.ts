/**
 * PIPL art. 31 for a consult for a 就诊人 under 14: the requirements table sees only the
 * request (kind 'patient' carries no age), so consult.create reads the stored birth date and
 * asks for the guardian consent itself, refusing exactly as dispatch does for kind 'other'.
 */
import { CONSULTS } from '../../../backend/collections';
import type { PatientView } from '../../../contract/patients';
import { consentToSensitive, registerUser } from '../user/support';
import { FATHER, idNumber, patients } from '../patients/support';
import {
  caller,
  consultWorldEachTest,
  DESCRIPTION,
  expectError,
  expectOk,
  PAID_DOCTOR,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((e) => (env = e));

// Registered with the health consent only: no guardian consent yet.
const carol = caller('carol', '203.0.113.7');

const KID = {
  relation: '子女',
  name: '张小宝',
  document: { idType: 'id_card', idNumber: idNumber('310115', '20200101', '024') },
  declaration: { guardian: true },
};

const createFor = (patientId: string) =>
  env.consult(
    'create',
    { doctorId: PAID_DOCTOR, patient: { kind: 'patient', patientId }, description: DESCRIPTION },
    carol,
  );

beforeEach(async () => {
  await registerUser(env, carol, '13800000077');
  await consentToSensitive(env, carol, ['health']);
});

it('a child 就诊人 needs the guardian consent; with it the consult is created', async () => {
  const kid = expectOk<PatientView>(await patients(env, 'add', KID, carol));
  expectError(await createFor(kid.id), 'FAILED_PRECONDITION', {
    reason: 'guardian_consent_required',
    requirement: 'guardian',
  });
  expect(await env.store.find(CONSULTS.name, { patientOpenid: carol.openid })).toHaveLength(0);
  await consentToSensitive(env, carol, ['guardian']);
  expectOk(await createFor(kid.id));
});

it('an adult 就诊人 needs no guardian consent', async () => {
  const father = expectOk<PatientView>(await patients(env, 'add', FATHER, carol));
  expectOk(await createFor(father.id));
});
