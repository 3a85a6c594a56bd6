import type { FnName } from '../contract';
import type { BackendFunction } from './core/action';
import { accountFunction } from './account';
import { bookingFunction } from './booking';
import { callFunction } from './call';
import { catalogFunction } from './catalog';
import { consultFunction } from './consult';
import { patientsFunction } from './patients';
import { privacyFunction } from './privacy';
import { recordsFunction } from './records';
import { supportFunction } from './support';
import { surveyFunction } from './survey';
import { telemetryFunction } from './telemetry';
import { userFunction } from './user';

/** Every backend function by its wire name; the server and the cloud functions route through it. */
export const FUNCTIONS: { [F in FnName]: BackendFunction<F> } = {
  account: accountFunction,
  booking: bookingFunction,
  call: callFunction,
  catalog: catalogFunction,
  consult: consultFunction,
  patients: patientsFunction,
  privacy: privacyFunction,
  records: recordsFunction,
  support: supportFunction,
  survey: surveyFunction,
  telemetry: telemetryFunction,
  user: userFunction,
};

export function findFunction(name: string): BackendFunction | undefined {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name)
    ? (FUNCTIONS[name as FnName] as BackendFunction)
    : undefined;
}
