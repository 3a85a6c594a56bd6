import type { SearchKind } from '../../contract/catalog';
import { SPECIALTIES } from '../../backend/catalog/seed/specialties';
import { seededRandom } from '../../backend/catalog/seed/synthetic-doctors';
import { type Catalog, DEPARTMENT_NAMES, pick, pointNearDistrict, type Rand } from './synthetic';

/**
 * What users ask for, drawn deterministically from the catalog itself: locations where
 * people are (mostly in the district clusters, some anywhere in the city), and search
 * words of the lengths people type — one character, two (most Chinese words: 眼科, 浦东),
 * three or more (a full department, a doctor's name, a specialty).
 */

export interface NearbyQuery {
  lat: number;
  lng: number;
  kind: 'hospital' | 'doctor';
}

export interface SearchQuery {
  q: string;
  kind: SearchKind;
}

export function nearbyQueries(
  count: number,
  kind: 'hospital' | 'doctor',
  seed: number,
): NearbyQuery[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, () => {
    if (rand() < 0.8) {
      const p = pointNearDistrict(rand);
      return { lat: round6(p.lat), lng: round6(p.lng), kind };
    }
    return { lat: round6(30.9 + rand() * 0.55), lng: round6(121.1 + rand() * 0.75), kind };
  });
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A doctor's name as a person types it: without the 示例· marker. */
const personName = (name: string): string => name.replace(/^示例·/, '');
const prefix = (text: string, length: number): string => [...text].slice(0, length).join('');
const districtShort = (district: string): string => district.replace(/新区$|区$/, '');

/** Words as people type them: prefixes of names and departments, whole names, specialties. */
function oneQuery(rand: Rand, catalog: Catalog): string {
  const hospital = pick(rand, catalog.hospitals);
  const person = personName(pick(rand, catalog.doctors).name);
  const department = pick(rand, DEPARTMENT_NAMES);
  const brand = (hospital.shortName ?? hospital.name).replace(/^上海市/, '');
  const r = rand();
  if (r < 0.2) return prefix(pick(rand, [person, department, brand]), 1);
  if (r < 0.6) {
    return pick(rand, [
      prefix(person, 2),
      prefix(department, 2),
      districtShort(hospital.district),
      brand.slice(2, 4),
    ]);
  }
  const full = [
    department,
    person,
    brand,
    pick(rand, SPECIALTIES[department]),
    prefix(hospital.name, 5),
  ];
  const word = pick(
    rand,
    full.filter((w) => [...w].length >= 3),
  );
  return prefix(word, 3 + Math.floor(rand() * 4));
}

export function searchQueries(count: number, catalog: Catalog, seed: number): SearchQuery[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const r = rand();
    const kind: SearchKind = r < 0.4 ? 'all' : r < 0.7 ? 'hospital' : 'doctor';
    return { q: oneQuery(rand, catalog), kind };
  });
}

/** Share of queries by character count, for the printout. */
export function lengthMix(queries: readonly SearchQuery[]): string {
  const n = [0, 0, 0];
  for (const { q } of queries) n[Math.min(3, [...q].length) - 1]++;
  const pct = (x: number) => `${Math.round((100 * x) / queries.length)}%`;
  return `1 char ${pct(n[0])}, 2 chars ${pct(n[1])}, 3+ chars ${pct(n[2])}`;
}
