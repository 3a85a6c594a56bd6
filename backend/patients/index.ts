import { patientsActions } from '../../contract/patients';
import type { BackendFunction } from '../core/action';
import { add, get, list, update } from './crud';
import { remove } from './remove';

export { REMOVAL_BLOCKERS, type RemovalBlocker } from './remove';
export { loadOwnPatient, type PatientDoc } from './model';

/**
 * Health information (PIPL art. 28/29): when dispatch enforces per-action requirements,
 * every action here needs the health-information consent (allergies and chronic
 * conditions are health data), and `add`/`update` of a 就诊人 under 14 the guardian
 * consent of the privacy function (recorded here too, as the declaration).
 */
export const PATIENTS_HEALTH_CONSENT_ACTIONS = ['list', 'get', 'add', 'update', 'remove'] as const;

/** 就诊人: the people an account consults for (IDV, PI); see contract/patients.ts. */
export const patientsFunction: BackendFunction<'patients'> = {
  name: 'patients',
  actions: patientsActions,
  handlers: { list, get, add, update, remove },
};
