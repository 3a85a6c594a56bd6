import type { AgreeOpenType, PrivacyRequest } from './types';

/** The browser has no platform privacy agreement: our own consent sheet is the only one. */
export const AGREE_OPEN_TYPE: AgreeOpenType = undefined;

export function needsAuthorization(): Promise<boolean> {
  return Promise.resolve(false);
}

export function onNeedAuthorization(handler: (request: PrivacyRequest) => void): void {
  void handler;
}

export function openContract(): Promise<boolean> {
  return Promise.resolve(false);
}

export const HAS_PLATFORM_CONTRACT: boolean = false;
