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

/** PIPL art. 29/31: the separate consent of its own screen, to the text version shown. */
export const recordSensitiveConsent = (
  input: In<'recordSensitiveConsent'>,
): Out<'recordSensitiveConsent'> => call('privacy', 'recordSensitiveConsent', input);

/** 工信部信管函〔2021〕292号: the two lists, and what is kept about a signed-in caller. */
export const personalInfoLists = (): Out<'personalInfoLists'> =>
  call('privacy', 'personalInfoLists', {});

/** 《隐私政策补充说明》 as configured by the operator: read before 同意, needs no caller. */
export const getSupplement = (): Out<'getSupplement'> => call('privacy', 'getSupplement', {});
