import type { z } from 'zod';
import { accountActions } from './account';
import { bookingActions } from './booking';
import { callActions } from './call';
import { catalogActions } from './catalog';
import { consultActions } from './consult';
import { patientsActions } from './patients';
import { privacyActions } from './privacy/consent';
import { recordsActions } from './records';
import { supportActions } from './support';
import { surveyActions } from './survey';
import { telemetryActions } from './telemetry';
import { userActions } from './user';

/**
 * Every cloud function and its actions: the one contract client and server
 * share (ts-rest style). The wire name of a function is its key here.
 */
export const api = {
  account: accountActions,
  booking: bookingActions,
  call: callActions,
  catalog: catalogActions,
  consult: consultActions,
  patients: patientsActions,
  privacy: privacyActions,
  records: recordsActions,
  support: supportActions,
  survey: surveyActions,
  telemetry: telemetryActions,
  user: userActions,
} as const;

export type Api = typeof api;
export type FnName = keyof Api;
export type ActionName<F extends FnName> = keyof Api[F] & string;

type ActionDef<F extends FnName, A extends ActionName<F>> = Api[F][A] extends {
  input: z.ZodTypeAny;
  output: z.ZodTypeAny;
}
  ? Api[F][A]
  : never;

/** What the caller sends (before defaults). */
export type InputOf<F extends FnName, A extends ActionName<F>> = z.input<ActionDef<F, A>['input']>;
/** What the handler receives (after parsing). */
export type ParsedInputOf<F extends FnName, A extends ActionName<F>> = z.output<
  ActionDef<F, A>['input']
>;
export type OutputOf<F extends FnName, A extends ActionName<F>> = z.output<
  ActionDef<F, A>['output']
>;

export * from './envelope';
export * from './common';
