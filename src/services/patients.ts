import type { ActionName, InputOf, OutputOf } from '../../contract';
// Runtime values only from the zod-free part of the contract (keeps zod out of the bundle).
import { PATIENT_ERROR_REASONS } from '../../contract/patients/items';
import { REQUIREMENT_REASONS } from '../../contract/privacy/requirements';
import { call } from './client';
import { toServiceError } from './errors';

/** The patients function: 就诊人, the people an account consults for (IDV, PI). */
type Action = ActionName<'patients'>;
type In<A extends Action> = InputOf<'patients', A>;
type Out<A extends Action> = Promise<OutputOf<'patients', A>>;

const c =
  <A extends Action>(action: A) =>
  (input: In<A>): Out<A> =>
    call('patients', action, input);

export const listPatients = () => call('patients', 'list', {});
export const getPatient = c('get');
export const addPatient = c('add');
export const updatePatient = c('update');
export const removePatient = c('remove');

export type PatientData = OutputOf<'patients', 'get'>;
export type PatientList = OutputOf<'patients', 'list'>;
export type AddPatientInput = In<'add'>;
export type UpdatePatientInput = In<'update'>;

/** Why removal was refused, in words (details.blocker names what is still open). */
const BLOCKER_TEXT: Record<string, string> = {
  consult: '该就诊人有进行中的咨询，请在咨询结束后再删除',
  appointment: '该就诊人有未到期的预约，请在就诊或取消预约后再删除',
};

/** What to tell the user about a failed patients call: the reason's text when we know it. */
export function patientErrorText(error: unknown): string {
  const e = toServiceError(error);
  const reason = e.details?.reason;
  const blocker = e.details?.blocker;
  if (reason === 'patient_in_use' && typeof blocker === 'string' && blocker in BLOCKER_TEXT) {
    return BLOCKER_TEXT[blocker];
  }
  if (typeof reason === 'string' && reason in PATIENT_ERROR_REASONS) {
    return PATIENT_ERROR_REASONS[reason as keyof typeof PATIENT_ERROR_REASONS];
  }
  if (typeof reason === 'string' && reason in REQUIREMENT_REASONS) {
    return REQUIREMENT_REASONS[reason as keyof typeof REQUIREMENT_REASONS];
  }
  return e.message;
}
