import type { ConsentChoices, ConsentRecord, ConsentState } from '../../contract/privacy/consent';
import { OPTIONAL_CONSENTS, THIRD_PARTY_SERVICES } from '../../contract/privacy/consent';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import {
  SENSITIVE_CONSENTS,
  type SensitiveConsent,
} from '../../contract/privacy/sensitive-consents';
import { CONSENTS } from '../collections';
import type { DocumentStore, StoredDoc } from '../ports/document-store';

export interface ConsentDoc extends StoredDoc {
  owner: string;
  policyVersion: string;
  /** Orders records of one owner even within one millisecond. */
  seq: number;
  change: ConsentRecord['change'];
  state: ConsentState;
  at: string;
}

export function emptyState(at: string): ConsentState {
  return {
    policyVersion: POLICY_VERSION,
    policy: false,
    device: false,
    analytics: false,
    thirdParty: Object.fromEntries(Object.keys(THIRD_PARTY_SERVICES).map((k) => [k, false])),
    health: false,
    guardian: false,
    sensitiveVersions: {},
    at,
  };
}

/** Records written before the sensitive consents existed read as not given. */
function normalised(doc: ConsentDoc): ConsentDoc {
  const old: Partial<ConsentState> = doc.state;
  const state: ConsentState = {
    ...doc.state,
    health: old.health ?? false,
    guardian: old.guardian ?? false,
    sensitiveVersions: old.sensitiveVersions ?? {},
  };
  return { ...doc, state };
}

/** PIPL art. 29/31: given, and to the text version this build shows. */
export function hasSensitive(state: ConsentState | null, item: SensitiveConsent): boolean {
  return (
    state?.policy === true &&
    state[item] === true &&
    state.sensitiveVersions[item] === SENSITIVE_CONSENTS[item].version
  );
}

/** The caller's latest record for the current policy version; older versions do not count (POL). */
export async function latestConsent(
  store: DocumentStore,
  owner: string,
): Promise<ConsentDoc | null> {
  const [doc] = await store.find<ConsentDoc>(
    CONSENTS.name,
    { owner, policyVersion: POLICY_VERSION },
    { sort: [['seq', 'desc']], limit: 1 },
  );
  return doc ? normalised(doc) : null;
}

export async function currentConsent(
  store: DocumentStore,
  owner: string,
): Promise<ConsentState | null> {
  return (await latestConsent(store, owner))?.state ?? null;
}

/** Applies choices on top of a state; only keys the user sent change. */
export function applyChoices(
  base: ConsentState,
  choices: ConsentChoices | undefined,
  at: string,
): ConsentState {
  const next: ConsentState = { ...base, thirdParty: { ...base.thirdParty }, policy: true, at };
  for (const key of Object.keys(OPTIONAL_CONSENTS) as Array<keyof typeof OPTIONAL_CONSENTS>) {
    const value = choices?.[key];
    if (value !== undefined) next[key] = value;
  }
  for (const [service, value] of Object.entries(choices?.thirdParty ?? {})) {
    if (value !== undefined) next.thirdParty[service] = value;
  }
  return next;
}

export async function appendConsent(
  store: DocumentStore,
  owner: string,
  change: ConsentRecord['change'],
  state: ConsentState,
  previous: ConsentDoc | null,
): Promise<ConsentState> {
  await store.insert(CONSENTS.name, {
    owner,
    policyVersion: POLICY_VERSION,
    seq: (previous?.seq ?? 0) + 1,
    change,
    state,
    at: state.at,
  });
  return state;
}

/** Used by features that need one optional consent (DEV, SDK, TPS). */
export async function hasConsent(
  store: DocumentStore,
  owner: string,
  item: keyof typeof OPTIONAL_CONSENTS | `thirdParty.${keyof typeof THIRD_PARTY_SERVICES}`,
): Promise<boolean> {
  const state = await currentConsent(store, owner);
  if (!state?.policy) return false;
  if (item.startsWith('thirdParty.'))
    return state.thirdParty[item.slice('thirdParty.'.length)] === true;
  return state[item as keyof typeof OPTIONAL_CONSENTS] === true;
}
