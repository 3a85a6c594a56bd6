import { PHONE_BINDINGS, USERS } from '../collections';
import { PERSONAL_DATA, type PersonalDataEntry } from '../privacy/data-map';

/**
 * The steps of a deletion job, derived from the personal data map, so a collection added
 * to the map is counted, deleted, verified and exported without touching this folder.
 *
 * 1. census — count what the account holds (the receipt's counts, exact however often the
 *    job is interrupted, because counts are saved with the cursor they belong to);
 * 2. signout — the account stops working at once (every protected action refuses);
 * 3. counters — rate-limit rows keyed to the person (need the phone: before `users` goes);
 * 4. linked — rows that are the owner's through a parent (a doctor's notices of the
 *    patient's consults), while the parents still exist to find them by;
 * 5. own — every entry by its owner field; the account rows last, so until everything else
 *    is gone the account exists (signed out) and its phone cannot start a new one half-way;
 * 6. files — whatever is left under the owner's file prefix;
 * 7. verify — count every entry again; anything found (written meanwhile) → back to 2.
 */
export type Linked = PersonalDataEntry & { parent: NonNullable<PersonalDataEntry['parent']> };

export type Step =
  | { key: string; kind: 'census-rows'; collection: string; entries: PersonalDataEntry[] }
  | { key: string; kind: 'census-scan'; entry: PersonalDataEntry; earlier: PersonalDataEntry[] }
  | { key: 'signout'; kind: 'signout' }
  | { key: 'counters'; kind: 'counters' }
  | { key: string; kind: 'linked'; entry: Linked }
  | { key: string; kind: 'own'; entry: PersonalDataEntry }
  | { key: 'files'; kind: 'files' }
  | { key: 'verify'; kind: 'verify'; entries: PersonalDataEntry[] };

/** Where the job goes back to when verification finds rows written during the job. */
export const RESTART_STEP = 'signout';

const ACCOUNT_LAST = [USERS.name, PHONE_BINDINGS.name];

export const entryKey = (e: PersonalDataEntry) =>
  `${e.collection}.${e.ownerField}${e.parent ? `<${e.parent.collection}.${e.parent.ownerField}` : ''}`;

export const isLinked = (e: PersonalDataEntry): e is Linked => e.parent !== undefined;

/** Entries found by the owner's identity itself (not through a parent). */
export const ownEntries = (map: readonly PersonalDataEntry[] = PERSONAL_DATA) =>
  map.filter((e) => !isLinked(e));

/** Delete entries whose rows must be read one by one: files to remove, orders to archive. */
export const needsRows = (e: PersonalDataEntry) =>
  e.onDelete === 'delete' && ((e.fileKeyFields?.length ?? 0) > 0 || e.order !== undefined);

function byCollection(entries: PersonalDataEntry[]): Map<string, PersonalDataEntry[]> {
  const groups = new Map<string, PersonalDataEntry[]>();
  for (const e of entries) groups.set(e.collection, [...(groups.get(e.collection) ?? []), e]);
  return groups;
}

export function deletionPlan(map: readonly PersonalDataEntry[] = PERSONAL_DATA): Step[] {
  const own = ownEntries(map);
  const census: Step[] = [...byCollection(own)].map(([collection, entries]) => ({
    key: `census:${collection}`,
    kind: 'census-rows' as const,
    collection,
    entries,
  }));
  for (const entry of own.filter(needsRows)) {
    const earlier = own.filter(
      (e) =>
        e !== entry &&
        e.collection === entry.collection &&
        needsRows(e) &&
        own.indexOf(e) < own.indexOf(entry),
    );
    census.push({ key: `scan:${entryKey(entry)}`, kind: 'census-scan', entry, earlier });
  }
  const last = (e: PersonalDataEntry) => (ACCOUNT_LAST.includes(e.collection) ? 1 : 0);
  const ordered = [...own].sort((a, b) => last(a) - last(b));
  return [
    ...census,
    { key: 'signout', kind: 'signout' },
    { key: 'counters', kind: 'counters' },
    ...map
      .filter(isLinked)
      .map((entry) => ({ key: `linked:${entryKey(entry)}`, kind: 'linked' as const, entry })),
    ...ordered.map((entry) => ({ key: `own:${entryKey(entry)}`, kind: 'own' as const, entry })),
    { key: 'files', kind: 'files' },
    { key: 'verify', kind: 'verify', entries: own },
  ];
}
