/**
 * Booking over the real PatientDirectory (backend/patients/directory.ts): 就诊人 added through
 * `patients.add` are booked by id, the guards key on the person's document (so two accounts
 * adding the same father are one person), another account's id is not found, and a child
 * without a document needs the guardian's verified identity.
 */
import type { Caller } from '../../../backend/core/context';
import { dispatch } from '../../../backend/core/dispatch';
import { findFunction } from '../../../backend/functions';
import { createPatientDirectory } from '../../../backend/patients/directory';
import { APPOINTMENTS } from '../../../backend/collections';
import type { AppointmentDoc } from '../../../backend/booking/model';
import type { PatientView } from '../../../contract/patients';
import type { AppointmentView } from '../../../contract/booking';
import { consentToSensitive } from '../user/support';
import { FATHER } from '../patients/support';
import {
  alice,
  bookingWorldEachTest,
  DR_A,
  eve,
  expectError,
  expectOk,
  open,
  rid,
  slotId,
  type BookingEnv,
} from './support';

let env: BookingEnv;
bookingWorldEachTest((e) => (env = e));

/** Every call with the real directory in place of the test double. */
const real = (fn: string, action: string, data: unknown, who: Caller) =>
  dispatch(
    findFunction(fn)!,
    { action, data },
    {
      ...env.ctx(who),
      patients: createPatientDirectory({ store: env.store, crypto: env.crypto }),
    },
  );

async function addPatient(who: Caller, input: object): Promise<PatientView> {
  await consentToSensitive(env, who, ['health']);
  return expectOk<PatientView>(await real('patients', 'add', input, who));
}

const book = (who: Caller, slot: string, patientId: string) =>
  real('booking', 'book', { slotId: slot, patientId, clientRequestId: rid() }, who);

it('books a 就诊人 added through patients.add, keyed on the person across accounts', async () => {
  await open(env, '2026-12-01', ['am', 'pm']);
  const father = await addPatient(alice, FATHER);
  const booked = expectOk<AppointmentView>(
    await book(alice, slotId(DR_A, '2026-12-01', 'am'), father.id),
  );
  const stored = await env.store.get<AppointmentDoc>(APPOINTMENTS.name, booked.id);
  expect(stored).toMatchObject({ patientId: father.id, patientIdType: 'resident_id' });
  expect(stored!.maskedName).not.toContain('建');

  // Eve cannot book alice's 就诊人 by id.
  expectError(await book(eve, slotId(DR_A, '2026-12-01', 'pm'), father.id), 'NOT_FOUND', {
    reason: 'patient_not_found',
  });
  // Eve adds the same father: the same person, so the one-per-doctor-per-day guard holds.
  const hers = await addPatient(eve, FATHER);
  expectError(await book(eve, slotId(DR_A, '2026-12-01', 'pm'), hers.id), 'FAILED_PRECONDITION', {
    reason: 'same_doctor_day',
  });
});

it('a child without a document books on the guardian’s verified identity only', async () => {
  await open(env, '2026-12-01', ['am']);
  const kid = await addPatient(alice, {
    relation: '子女',
    name: '张小弟',
    document: { idType: 'none', birthDate: '2019-05-01', sex: 'male' },
    declaration: { guardian: true },
  });
  expectError(await book(alice, slotId(DR_A, '2026-12-01', 'am'), kid.id), 'FAILED_PRECONDITION', {
    reason: 'patient_no_document',
  });
});

it('patients.remove is refused while the 就诊人 has a future appointment, allowed once cancelled', async () => {
  await open(env, '2026-12-01', ['am']);
  const father = await addPatient(alice, FATHER);
  const booked = expectOk<AppointmentView>(
    await book(alice, slotId(DR_A, '2026-12-01', 'am'), father.id),
  );
  const remove = () => real('patients', 'remove', { patientId: father.id, confirm: true }, alice);
  expectError(await remove(), 'FAILED_PRECONDITION', {
    reason: 'patient_in_use',
    blocker: 'appointment',
  });
  expectOk(await real('booking', 'cancel', { appointmentId: booked.id }, alice));
  expectOk(await remove());
});
