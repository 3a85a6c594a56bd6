import type { ActionName, InputOf, OutputOf } from '../../contract';
import { call } from './client';

/**
 * The privacy function (POL, DEV, SDK, TPS). Only the consent store calls it, and only
 * after the user agreed to the policy: in browse-only mode nothing reaches it.
 */
type Action = ActionName<'privacy'>;
type In<A extends Action> = InputOf<'privacy', A>;
type Out<A extends Action> = Promise<OutputOf<'privacy', A>>;

export const recordConsent = (input: In<'recordConsent'>): Out<'recordConsent'> =>
  call('privacy', 'recordConsent', input);

export const withdrawConsent = (input: In<'withdrawConsent'>): Out<'withdrawConsent'> =>
  call('privacy', 'withdrawConsent', input);

export const listConsents = (): Out<'listConsents'> => call('privacy', 'listConsents', {});
