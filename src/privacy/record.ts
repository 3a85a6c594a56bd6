import Taro from '@tarojs/taro';
import {
  OPTIONAL_CONSENTS,
  THIRD_PARTY_SERVICES,
  type OptionalConsent,
  type ThirdPartyService,
} from '../../contract/privacy/consent-items';

/** What the user chose besides the policy itself (DEV, SDK, TPS): all off until switched on. */
export type ConsentItems = Record<OptionalConsent, boolean> & {
  thirdParty: Record<ThirdPartyService, boolean>;
};

/**
 * The decision kept on the device (POL), per policy version: a record for another version
 * counts as no decision, so a new policy is asked again at the next launch.
 */
export interface LocalConsent {
  policyVersion: string;
  decision: 'agreed' | 'declined';
  at: string;
  items: ConsentItems;
  /** False while the server has not heard of the latest change (retried at each launch). */
  synced: boolean;
}

export const STORAGE_KEY = 'zhuyi.privacy.consent';

export function noItems(): ConsentItems {
  const items = Object.fromEntries(Object.keys(OPTIONAL_CONSENTS).map((k) => [k, false]));
  const thirdParty = Object.fromEntries(Object.keys(THIRD_PARTY_SERVICES).map((k) => [k, false]));
  return { ...items, thirdParty } as ConsentItems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only `true` counts: anything unreadable means "not given". */
function readItems(raw: unknown): ConsentItems {
  const items = noItems();
  if (!isRecord(raw)) return items;
  for (const key of Object.keys(OPTIONAL_CONSENTS) as OptionalConsent[]) {
    items[key] = raw[key] === true;
  }
  const thirdParty = isRecord(raw.thirdParty) ? raw.thirdParty : {};
  for (const key of Object.keys(THIRD_PARTY_SERVICES) as ThirdPartyService[]) {
    items.thirdParty[key] = thirdParty[key] === true;
  }
  return items;
}

/** The stored record, or null when there is none or it cannot be read (then we ask again). */
export function readRecord(): LocalConsent | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return null;
  }
  if (!isRecord(raw)) return null;
  const { policyVersion, decision, at, synced } = raw;
  if (typeof policyVersion !== 'string' || typeof at !== 'string') return null;
  if (decision !== 'agreed' && decision !== 'declined') return null;
  const items = decision === 'agreed' ? readItems(raw.items) : noItems();
  return { policyVersion, decision, at, items, synced: synced !== false };
}

export function writeRecord(record: LocalConsent): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, record);
  } catch {
    // Storage full or unavailable: the decision still holds for this session.
  }
}

/** DEL: the account is deleted, and with it the consent records; the device forgets too. */
export function clearRecord(): void {
  try {
    Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // Storage unavailable: nothing was kept there either.
  }
}
