import type { ConsentChoices, ConsentRecord, ConsentState } from '../../contract/privacy/consent';
import { OPTIONAL_CONSENTS, THIRD_PARTY_SERVICES } from '../../contract/privacy/consent';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import {
  SENSITIVE_CONSENTS,
  type SensitiveConsent,
} from '../../contract/privacy/sensitive-consents';
import { CONSENTS } from '../collections';
import { createHash } from 'node:crypto';
import { DuplicateIdError, type DocumentStore, type StoredDoc } from '../ports/document-store';

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

/**
 * The id of an owner's `seq`-th record under the current policy. Two changes racing for the same
 * `seq` collide on it and the later one reads again: the id is the lock, because the read of
 * the latest record is a query, and CloudBase runs no query inside a transaction.
 */
function consentId(owner: string, seq: number): string {
  const who = createHash('sha256').update(owner).digest('base64url').slice(0, 22);
  return `${who}.${POLICY_VERSION}.${seq}`;
}

async function appendConsent(
  store: DocumentStore,
  owner: string,
  change: ConsentRecord['change'],
  state: ConsentState,
  previous: ConsentDoc | null,
): Promise<ConsentState> {
  const seq = (previous?.seq ?? 0) + 1;
  await store.insert(CONSENTS.name, {
    _id: consentId(owner, seq),
    owner,
    policyVersion: POLICY_VERSION,
    seq,
    change,
    state,
    at: state.at,
  });
  return state;
}

/** Concurrent changes of one owner: each lost race reads again; this many tries, then CONFLICT. */
const APPEND_ATTEMPTS = 5;

/**
 * Appends the next record on top of the latest one: `next` derives it from the latest (or
 * null). Nothing is lost when two changes race: the loser re-reads and applies its change on
 * top of the winner's.
 */
export async function changeConsent(
  store: DocumentStore,
  owner: string,
  next: (previous: ConsentDoc | null) => { change: ConsentRecord['change']; state: ConsentState },
): Promise<ConsentState> {
  for (let attempt = 1; ; attempt += 1) {
    const previous = await latestConsent(store, owner);
    const { change, state } = next(previous);
    try {
      return await appendConsent(store, owner, change, state, previous);
    } catch (err) {
      if (!(err instanceof DuplicateIdError) || attempt >= APPEND_ATTEMPTS) throw err;
    }
  }
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
