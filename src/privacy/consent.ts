import type { OptionalConsent, ThirdPartyService } from '../../contract/privacy/consent-items';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import * as server from '../services/privacy';
import {
  clearRecord,
  noItems,
  readRecord,
  writeRecord,
  type ConsentItems,
  type LocalConsent,
} from './record';

/**
 * Where the user stands on the current policy (POL) and each optional consent (DEV, SDK,
 * TPS). The device is the source of truth for what the app may do — a change takes effect
 * here at once — and the server is told afterwards; a failed report is retried at the
 * next launch and never blocks browsing. Declining at first launch sends nothing at all.
 */
export type ConsentStatus = 'undecided' | 'agreed' | 'declined';
export type ConsentItem = OptionalConsent | `thirdParty.${ThirdPartyService}`;

export interface ConsentSnapshot {
  status: ConsentStatus;
  items: ConsentItems;
  /** When the user last decided, or null. */
  at: string | null;
  /** False while the server has not heard of the latest change. */
  synced: boolean;
}

let record: LocalConsent | null = null;
let loaded = false;
let revision = 0;
let snapshot: ConsentSnapshot | null = null;
const listeners = new Set<() => void>();

function current(): LocalConsent | null {
  if (!loaded) {
    record = readRecord();
    loaded = true;
  }
  // A decision about another version is no decision: the new text is asked again.
  return record && record.policyVersion === POLICY_VERSION ? record : null;
}

function compute(): ConsentSnapshot {
  const r = current();
  if (!r) return { status: 'undecided', items: noItems(), at: null, synced: true };
  return { status: r.decision, items: r.items, at: r.at, synced: r.synced };
}

function commit(next: LocalConsent): number {
  record = next;
  loaded = true;
  revision += 1;
  writeRecord(next);
  snapshot = compute();
  for (const listener of [...listeners]) listener();
  return revision;
}

export function getConsent(): ConsentSnapshot {
  // Read lazily: storage is ready by the first render, not necessarily at import.
  if (!snapshot || !loaded) snapshot = compute();
  return snapshot;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-reads storage (at launch, and in tests between cases). */
export function reloadConsent(): void {
  loaded = false;
  revision += 1;
  snapshot = null;
  for (const listener of [...listeners]) listener();
}

/**
 * DEL: after 注销账号 the server holds no consent of this person any more; the device
 * forgets the decision as well, so whoever uses the app next is asked as a new user and
 * nothing (statistics, device facts) runs on the old answer meanwhile. A report still in
 * flight then marks nothing.
 */
export function forgetConsent(): void {
  record = null;
  loaded = true;
  revision += 1;
  clearRecord();
  snapshot = compute();
  for (const listener of [...listeners]) listener();
}

export function hasConsent(item: ConsentItem): boolean {
  const { status, items } = getConsent();
  if (status !== 'agreed') return false;
  if (item.startsWith('thirdParty.')) {
    return items.thirdParty[item.slice('thirdParty.'.length) as ThirdPartyService];
  }
  return items[item as OptionalConsent];
}

// Server reports run one at a time, in the order the user made the changes.
let queue: Promise<unknown> = Promise.resolve();

function report(mine: number, send: () => Promise<unknown>): Promise<boolean> {
  const run = queue.then(async () => {
    try {
      await send();
    } catch {
      return false;
    }
    // Only the latest change marks the record synced; an older success says nothing of it.
    const r = current();
    if (r && mine === revision) commit({ ...r, synced: true });
    return true;
  });
  queue = run;
  return run;
}

const fullState = (items: ConsentItems) => () =>
  server.recordConsent({ policyVersion: POLICY_VERSION, items });

const now = () => new Date().toISOString();

/** 同意: agreed locally at once, then recorded on the server with the switches chosen. */
export function agree(chosen: Partial<ConsentItems> = {}): Promise<boolean> {
  const items = { ...noItems(), ...chosen };
  const mine = commit({
    policyVersion: POLICY_VERSION,
    decision: 'agreed',
    at: now(),
    items,
    synced: false,
  });
  return report(mine, fullState(items));
}

/** 不同意 at first launch: browse-only mode, and nothing is sent anywhere. */
export function decline(): void {
  commit({
    policyVersion: POLICY_VERSION,
    decision: 'declined',
    at: now(),
    items: noItems(),
    synced: true,
  });
}

/** 撤回隐私政策同意: browse-only at once; the server withdraws everything it recorded. */
export function withdrawPolicy(): Promise<boolean> {
  const before = current();
  if (before?.decision !== 'agreed') {
    decline();
    return Promise.resolve(true);
  }
  const mine = commit({
    ...before,
    decision: 'declined',
    at: now(),
    items: noItems(),
    synced: false,
  });
  return report(mine, () => server.withdrawConsent({ item: 'policy' }));
}

/** One switch of 隐私设置: as easy to turn off as on, effective at once on the device. */
export function setConsentItem(item: ConsentItem, on: boolean): Promise<boolean> {
  const before = current();
  if (before?.decision !== 'agreed') return Promise.resolve(false);
  const items: ConsentItems = { ...before.items, thirdParty: { ...before.items.thirdParty } };
  let choice: Partial<ConsentItems>;
  if (item.startsWith('thirdParty.')) {
    const service = item.slice('thirdParty.'.length) as ThirdPartyService;
    items.thirdParty[service] = on;
    choice = { thirdParty: { [service]: on } as ConsentItems['thirdParty'] };
  } else {
    items[item as OptionalConsent] = on;
    choice = { [item]: on };
  }
  const mine = commit({ ...before, items, at: now(), synced: false });
  // After a failed report only the whole state brings the server back in line.
  if (!before.synced) return report(mine, fullState(items));
  if (on)
    return report(mine, () =>
      server.recordConsent({ policyVersion: POLICY_VERSION, items: choice }),
    );
  return report(mine, () => server.withdrawConsent({ item }));
}

/** At launch: retries a change the server has not heard of yet. */
export function syncPending(): Promise<boolean> {
  const r = current();
  if (!r || r.synced) return Promise.resolve(true);
  const mine = revision;
  if (r.decision === 'agreed') return report(mine, fullState(r.items));
  return report(mine, () => server.withdrawConsent({ item: 'policy' }));
}

/** Settles once every queued server report has finished (tests, and the settings page). */
export function settled(): Promise<void> {
  return queue.then(() => undefined);
}
